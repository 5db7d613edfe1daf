#!/usr/bin/env bash
# Rebuilds the human-marked Khmer reference and the frequency lists of
# internal/linebreak from Debian's translations (run from the repository
# root, on Debian 12 with apt sources; needs dpkg-deb, unzip, curl and Go).
# The training halves of the Thai and Burmese references are kept in
# tools/mkfreq/train (tools/mkseg drew them from TALPCo and the wisesight
# samples); myWord's Burmese word list is fetched from GitHub at a fixed
# commit.
#
#   bash tools/mkfreq/build.sh [WORKDIR]
#
# Packages are fetched with `apt-get download` into WORKDIR (default: a
# temporary folder); nothing is installed.
set -euo pipefail
work=${1:-$(mktemp -d)}
ref=internal/linebreak/testdata/reference
dicts=internal/linebreak/dicts
mkdir -p "$work/deb" "$work/x" "$work/txt"

# Reference (held out): these catalogues give the Khmer reference only.
refpkgs="apt dpkg libapt-pkg6.0 libgtk-3-common libgdk-pixbuf2.0-common at-spi2-common
  login libpam-runtime notification-daemon gedit-common gnome-shell-common"
# Training: other packages' translations.
trainpkgs="libreoffice-l10n-km libreoffice-l10n-th vlc-l10n pidgin-data gnome-control-center-data
  evolution-data-server-common nautilus-data synaptic firefox-esr-l10n-km firefox-esr-l10n-th
  firefox-esr-l10n-my libgtk2.0-common iso-codes glib2.0-data packagekit grep python-apt-common
  software-properties-common shared-mime-info libpopt0 xdg-user-dirs system-config-printer-common
  thunar-data xfce4-panel xfce4-settings mousepad libxfce4ui-common
  baobab brasero-common cheese-common eog evince-common file-roller gnome-calculator
  gnome-disk-utility gnome-power-manager gnome-screenshot gnome-session-common
  gnome-system-monitor gnome-terminal-data totem-common yelp"
# A third reference, from translators of yet other catalogues, gives
# nothing to training at all.
apppkgs="debconf-i18n gimp-data gnome-software-common inkscape network-manager-gnome
  plasma-workspace-data tasksel-data"
# More training, added after the references were drawn: only their lines
# that no reference or earlier training text has, so the references stay
# as they were. GNOME's games and desktop, aptitude, GTK 4 (all its lines
# are GTK 3's, so it gives none), and KDE's applications and frameworks
# (KDE's translators also made plasma-workspace's lines of km-apps.txt).
morepkgs="aisleriot aptitude-common four-in-a-row gdm3 gnome-chess gnome-desktop3-data
  gnome-dictionary gnome-font-viewer gnome-keyring gnome-klotski gnome-mahjongg gnome-menus
  gnome-mines gnome-nibbles gnome-panel-data gnome-robots gnome-settings-daemon-common
  gnome-sudoku gnome-tetravex gnome-user-share iagno libgtk-4-common libwnck-3-common
  lightsoff quadrapassel simple-scan swell-foop tali"
kdepkgs="kwin-data plasma-desktop-data konsole dolphin ark gwenview systemsettings khelpcenter
  kmenuedit kinfocenter plasma-nm libkf5textwidgets-data libkf5xmlgui-data libkf5kcmutils-data
  libkf5notifyconfig-data libkf5parts-data libkf5i18n-data libkf5newstuff-data
  libkf5service-data libkf5wallet-data libkf5kdelibs4support-data libkf5configwidgets-data
  libkf5iconthemes-data libkf5declarative-data kde-cli-tools-data powerdevil-data
  khotkeys-data kcalc kcharselect kcolorchooser kmag kmousetool kmouth kruler kgpg kdf
  kwalletmanager sweeper okular ktorrent-data juk kmix dragonplayer kolourpaint kate5-data
  marble-data libkf5libkdepim-data kaddressbook-data kmail kpat knights"
(cd "$work/deb" && apt-get download $refpkgs $trainpkgs $apppkgs $morepkgs $kdepkgs libreoffice-help-km)
for f in "$work"/deb/*.deb; do
  p=$(basename "$f"); p=${p%%_*}
  mkdir -p "$work/x/$p" && dpkg-deb -x "$f" "$work/x/$p"
  for xpi in $(find "$work/x/$p" -name '*.xpi'); do unzip -qo "$xpi" -d "$work/x/$p/xpi"; done
done

catalogues() { # LANG PACKAGE... : the .mo, .ftl and .properties files of LANG in the packages
  local lang=$1; shift
  for p in "$@"; do
    find "$work/x/$p" \( -path "*/$lang/LC_MESSAGES/*.mo" -o -path "*/locale/$lang/*.ftl" \
      -o -path "*/locale/$lang/*.properties" -o -path "*/resource/$lang/LC_MESSAGES/*.mo" \) | sort
  done
}
# gtk30-properties is left to training: its property blurbs differ from the other UI strings.
refmo=$(catalogues km $refpkgs | grep -v gtk30-properties)
go run ./tools/mkref -lang km -o "$work/txt/km-all.txt" $refmo
awk 'NR%2==0' "$work/txt/km-all.txt" > "$ref/km.txt"            # held out
awk 'NR%2==1' "$work/txt/km-all.txt" > tools/mkfreq/train/km-ref.txt  # training
go run ./tools/mkref -lang km -exclude "$work/txt/km-all.txt" -o "$work/txt/km-marked.txt" \
  $(catalogues km $trainpkgs) $(catalogues km libgtk-3-common | grep gtk30-properties)
go run ./tools/mkref -lang th -raw -o "$work/txt/th-raw.txt" $(catalogues th $refpkgs $trainpkgs)
go run ./tools/mkref -lang my -raw -o "$work/txt/my-raw.txt" $(catalogues my $refpkgs $trainpkgs)

curl -sSfL -o "$work/txt/myword-unigram.txt" \
  https://raw.githubusercontent.com/ye-kyaw-thu/myWord/cae7aa9d38c6283356dc2afc599c62416e8107d1/dict_ver1/unigram-word.txt

# LibreOffice's help: every fourth page gives the held-out km-help.txt
# (see the reference README), the others are training text.
find "$work/x/libreoffice-help-km" -name '*.html' | LC_ALL=C sort > "$work/txt/pages.txt"
awk 'NR%4==0' "$work/txt/pages.txt" > "$work/txt/pages-ref.txt"
awk 'NR%4!=0' "$work/txt/pages.txt" > "$work/txt/pages-train.txt"
cat "$work/txt/km-all.txt" "$work/txt/km-marked.txt" > "$work/txt/ui-lines.txt"  # LibreOffice's UI strings recur in its help
go run ./tools/mkref -lang km -exclude "$work/txt/ui-lines.txt" -o "$work/txt/help-ref.txt" $(cat "$work/txt/pages-ref.txt")
awk 'NR%3==0' "$work/txt/help-ref.txt" > "$ref/km-help.txt"                  # held out
cat "$work/txt/km-all.txt" "$work/txt/help-ref.txt" > "$work/txt/help-exclude.txt"
go run ./tools/mkref -lang km -exclude "$work/txt/help-exclude.txt" -o "$work/txt/help-train.txt" $(cat "$work/txt/pages-train.txt")

cat "$work/txt/km-marked.txt" tools/mkfreq/train/km-ref.txt "$work/txt/help-train.txt" > "$work/txt/km-train.txt"
cat "$work/txt/km-train.txt" "$work/txt/km-all.txt" "$work/txt/help-ref.txt" > "$work/txt/seen.txt"
go run ./tools/mkref -lang km -exclude "$work/txt/seen.txt" -o "$work/txt/apps.txt" $(catalogues km $apppkgs)
awk 'NR%3==0' "$work/txt/apps.txt" > "$ref/km-apps.txt"                    # held out, like all of apps.txt
cat "$work/txt/seen.txt" "$work/txt/apps.txt" > "$work/txt/seen-apps.txt"
go run ./tools/mkref -lang km -exclude "$work/txt/seen-apps.txt" -o "$work/txt/more.txt" $(catalogues km $morepkgs)
go run ./tools/mkref -lang km -exclude "$work/txt/seen-apps.txt" -o "$work/txt/kde.txt" $(catalogues km $kdepkgs)
cat "$work/txt/km-train.txt" "$work/txt/more.txt" "$work/txt/kde.txt" > "$work/txt/km-train-all.txt"
# Keyman's Khmer wordlist (Google's corpus crawler, MIT): the words of news
# and reports, which software's strings hardly hold. Its entries of two
# syllables or more count for the words the list has, scaled to the
# marked text's size (tools/mkfreq/select.go).
curl -sSfL -o "$work/txt/km-ggc.tsv" \
  https://raw.githubusercontent.com/keymanapp/lexical-models/efe81a41bf68a988703e9582c53308817f3e7b7a/release/sil/sil.km.ggc/source/wordlist.tsv
kmfreq() { # TEXT FREQ PAIRS: the Khmer counts and pairs learnt from TEXT
  go run ./tools/mkfreq -lang km -list "$dicts/khmer.txt.gz" -marked "$1" -mincross 10 \
    -counts "$work/txt/km-ggc.tsv" -listedonly -countsshare 1 -minsyllables 2 \
    -pairsout "$3" -pairmin 5 -joinshare 0.75 -apartshare 0.8 -o "$2"
}
kmfreq "$work/txt/km-train-all.txt" "$dicts/khmer.freq.gz" "$dicts/khmer.pairs.gz"
# The boundary model (internal/linebreak/bounds.go) learns from boundaries
# found in text the lists did not learn from: three folds of blocks of 300
# lines (about one catalogue's worth), each broken with the lists of the
# other two. The threshold (0: offer a boundary when a mark is the more
# likely) and -prune were checked on a held-out tenth of the training text
# (dicts/README.md).
folds=""
for k in 0 1 2; do
  awk -v k=$k 'int(NR/300)%3!=k' "$work/txt/km-train-all.txt" > "$work/txt/km-not$k.txt"
  awk -v k=$k 'int(NR/300)%3==k' "$work/txt/km-train-all.txt" > "$work/txt/km-fold$k.txt"
  kmfreq "$work/txt/km-not$k.txt" "$work/txt/km-not$k.freq.gz" "$work/txt/km-not$k.pairs.gz"
  folds+=" -train $work/txt/km-not$k.freq.gz,$work/txt/km-not$k.pairs.gz,$work/txt/km-fold$k.txt"
done
go run ./tools/mkbounds $folds -prune 0.25 -threshold 0 -o "$dicts/khmer.bounds.gz"
curl -sSfL -o "$work/txt/tnc_freq.txt" \
  https://raw.githubusercontent.com/PyThaiNLP/pythainlp/73966cf145078f9f022efc5f66075c6c9743ea08/pythainlp/corpus/tnc_freq.txt
go run ./tools/mkfreq -lang th -list "$dicts/thai.txt.gz" -marked tools/mkfreq/train/th.txt -weight 5 \
  -keep "$work/txt/tnc_freq.txt" -keepmin 1000 \
  -raw "$work/txt/th-raw.txt" -o "$dicts/thai.freq.gz"
go run ./tools/mkfreq -lang my -list "$dicts/burmese.txt.gz" -counts "$work/txt/myword-unigram.txt" -mincount 10 \
  -marked tools/mkfreq/train/my.txt -weight 5 -prune 1 -o "$dicts/burmese.freq.gz"
make tries
wc -l "$ref/km.txt" "$work"/txt/*.txt
