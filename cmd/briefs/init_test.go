package main

import (
	"crypto/sha256"
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/mekong-briefs/briefs/internal/testkit"
)

// TestInitPinsTheRelease: a release binary (make release stamps
// -X main.buildVersion=vX.Y.Z) writes a workflow that installs that
// release, not @latest, which would move the project to every new release
// unasked.
func TestInitPinsTheRelease(t *testing.T) {
	defer func(v string) { buildVersion = v }(buildVersion)
	buildVersion = "v9.9.9"
	wf := initWorkflow(t)
	if pin := path.Join(module, "cmd", "briefs") + "@v9.9.9"; !strings.Contains(string(wf), pin) {
		t.Errorf("the workflow of a v9.9.9 binary does not install v9.9.9:\n%s", wf)
	}
}

// initWorkflow runs init in a new folder and returns the workflow it wrote.
func initWorkflow(t *testing.T) []byte {
	t.Helper()
	dir := t.TempDir()
	initIn(t, dir)
	wf, err := os.ReadFile(filepath.Join(dir, ".github", "workflows", "briefs.yml"))
	if err != nil {
		t.Fatal(err)
	}
	return wf
}

func initIn(t *testing.T, dir string) {
	t.Helper()
	if got, code := runCLI(t, dir, []string{"init"}, "text"); code != 0 {
		t.Fatalf("init: exit %d\n%s", code, got)
	}
}

// TestPinVersion: only a version the module proxy serves is pinned.
func TestPinVersion(t *testing.T) {
	for _, tc := range []struct{ stamp, module, want string }{
		{"v9.9.9", "", "v9.9.9"},
		{"v1.0.0-rc.1", "(devel)", "v1.0.0-rc.1"},
		{"v9.9.9", "v1.2.3", "v9.9.9"},
		{"", "v1.2.3", "v1.2.3"},
		{"", "v0.0.0-20261201120000-0123456789ab", "v0.0.0-20261201120000-0123456789ab"},
		{"v0.4.0-3-gabc1234", "", "latest"}, // a commit after the tag
		{"v0.4.0-dirty", "", "latest"},      // uncommitted changes
		{"v0.4.0-3-gabc1234-dirty", "(devel)", "latest"},
		{"abc1234", "", "latest"}, // git describe --always with no tag
		{"devel", "", "latest"},
		{"", "(devel)", "latest"},
		{"", "v1.2.4-0.20261201120000-0123456789ab+dirty", "latest"},
		{"", "", "latest"},
	} {
		if got := pinVersion(tc.stamp, tc.module); got != tc.want {
			t.Errorf("pinVersion(%q, %q) = %q, want %q", tc.stamp, tc.module, got, tc.want)
		}
	}
}

// TestInitKeepsBriefsFolder: git keeps no empty folder, so init puts a
// README.md in briefs/; a clone of the new project, with no brief yet,
// checks and builds clean (0 PDFs) with a note, where the first CI run
// failed with "no briefs found under briefs".
func TestInitKeepsBriefsFolder(t *testing.T) {
	dir := t.TempDir()
	if got, code := runCLI(t, dir, []string{"init"}, "text"); code != 0 {
		t.Fatalf("init: exit %d\n%s", code, got)
	}
	entries, err := os.ReadDir(filepath.Join(dir, "briefs"))
	if err != nil || len(entries) == 0 {
		t.Fatalf("init left briefs/ empty (%v): git drops it", err)
	}
	for _, args := range [][]string{{"check"}, {"build"}} {
		got, code := runCLI(t, dir, args, "text")
		if code != 0 || !strings.Contains(got, "holds no brief yet") {
			t.Errorf("%s of a new project: exit %d\n%s", args[0], code, got)
		}
	}
}

// TestInitRefusesAProjectInsideAnother: init run in a project's briefs/
// (or deeper) would make a second project that every command run there
// takes for the project; it is refused, and nothing is written.
func TestInitRefusesAProjectInsideAnother(t *testing.T) {
	dir := t.TempDir()
	if got, code := runCLI(t, dir, []string{"init"}, "text"); code != 0 {
		t.Fatalf("init: exit %d\n%s", code, got)
	}
	inner := filepath.Join(dir, "briefs")
	before, _ := os.ReadDir(inner)
	got, code := runCLI(t, inner, []string{"init"}, "text")
	if code != 2 || !strings.Contains(got, "inside the project at "+dir) {
		t.Errorf("init in briefs/: exit %d\n%s", code, got)
	}
	if after, _ := os.ReadDir(inner); len(after) != len(before) {
		t.Errorf("init in briefs/ wrote files: %d entries before, %d after", len(before), len(after))
	}
	// Again at the project itself: it says so, not only that a file
	// of it exists.
	if got, code := runCLI(t, dir, []string{"init"}, "text"); code != 2 || !strings.Contains(got, "is a project already") {
		t.Errorf("init in the project: exit %d\n%s", code, got)
	}
}

// TestInitWorkflowCaches: a content repository has no go.sum, so
// setup-go's own cache, keyed on it, would warn "Dependencies file is not
// found" in every job of every run; the workflow turns it off and keeps
// Go's module and build caches itself, under the version it installs.
// Only one job saves the cache: jobs saving one key at once warn that
// another job may be creating it.
func TestInitWorkflowCaches(t *testing.T) {
	wf := initWorkflow(t)
	_, all, _ := strings.Cut(string(wf), "\njobs:\n")
	jobs := regexp.MustCompile(`(?m)^  [a-z]+:$`).Split(all, -1) // a job's name is indented two spaces
	saves, installs := 0, 0
	for _, job := range jobs {
		if !strings.Contains(job, "go install") {
			continue
		}
		installs++
		setup := strings.Index(job, "actions/setup-go@")
		if setup < 0 || !strings.Contains(job[setup:strings.Index(job, "go install")], "cache: false") {
			t.Errorf("a job installs briefs with setup-go's go.sum cache on:\n%s", job)
		}
		cache := strings.Index(job, "actions/cache")
		if cache < 0 || cache > strings.Index(job, "go install") {
			t.Errorf("a job installs briefs without restoring Go's caches first:\n%s", job)
		}
		if save := strings.Index(job, "actions/cache/save@"); save >= 0 {
			saves++
			if save < strings.Index(job, "go install") || save > strings.Index(job, "briefs check") {
				t.Errorf("the cache is not saved between go install and the check, which may fail:\n%s", job)
			}
		}
		if strings.Contains(job, "actions/cache@") {
			t.Errorf("a job uses actions/cache, which saves only when the job succeeds:\n%s", job)
		}
		resolve := strings.Index(job, "BRIEFS_VERSION=$(go list -m")
		if resolve < 0 || resolve > cache || strings.Count(job, "key: briefs-${{ runner.os }}-${{ env.BRIEFS }}-${{ env.BRIEFS_VERSION }}") < 1 {
			t.Errorf("a job's cache is not keyed on the version of briefs it installs, resolved first:\n%s", job)
		}
	}
	if deploy := jobs[len(jobs)-1]; !strings.Contains(deploy, "deploy-pages") || !strings.Contains(deploy, "concurrency:\n      group: pages") {
		t.Errorf("the last job deploys Pages without a concurrency group (deploy-pages fails while another deployment runs):\n%s", deploy)
	}
	if installs < 3 || saves != 1 {
		t.Errorf("%d jobs install briefs, %d save the cache; want every job to restore it and one to save it:\n%s", installs, saves, wf)
	}
}

// TestWorkflowsRunOnNode24: the workflow init writes, and this
// repository's own, use only actions whose major runs on Node 24, and
// name no action the table node24 does not know.
func TestWorkflowsRunOnNode24(t *testing.T) {
	for _, f := range workflowFiles(t) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		found := usesAction().FindAllStringSubmatch(string(data), -1)
		if len(found) == 0 {
			t.Errorf("%s: no action pinned to a major version", f)
		}
		for _, m := range found {
			first, ok := node24[m[1]]
			if major, _ := strconv.Atoi(m[2]); !ok || major < first {
				t.Errorf("%s: %s@v%s: want a major that runs on Node 24 (v%d or later, or add the action to node24)", f, m[1], m[2], first)
			}
		}
	}
}

// workflowFiles returns the workflow init writes (in a new folder) and
// this repository's own.
func workflowFiles(t *testing.T) []string {
	t.Helper()
	dir := t.TempDir()
	initIn(t, dir)
	files := []string{filepath.Join(dir, ".github", "workflows", "briefs.yml")}
	own, err := filepath.Glob(filepath.Join("..", "..", ".github", "workflows", "*.yml"))
	if err != nil || len(own) == 0 {
		t.Fatalf("this repository's workflows: %v (found %d)", err, len(own))
	}
	return append(files, own...)
}

// TestWorkflowsPassActionlint runs actionlint (a tool of go.mod, so its
// version is pinned) on the workflow init writes and on this
// repository's own: the schema of GitHub's workflow syntax, the types of
// every ${{ }} expression, the inputs of the actions used, and, with
// shellcheck, every run: script. A network's repository would otherwise
// learn of a mistake in the template from a failed run on GitHub.
func TestWorkflowsPassActionlint(t *testing.T) {
	args := []string{"tool", "actionlint", "-no-color"}
	if sc, err := exec.LookPath("shellcheck"); err == nil {
		args = append(args, "-shellcheck", sc)
	} else if testkit.InCI() {
		testkit.Missing(t, "shellcheck", "shellcheck")
	} else {
		t.Log("shellcheck is missing (install: shellcheck): run: scripts are not checked")
	}
	out, err := exec.Command("go", append(args, workflowFiles(t)...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("actionlint: %v\n%s", err, out)
	}
}

// TestInitWorkflowRefreshesAnOldOne: a project whose workflow an older
// briefs init wrote, with actions on Node 20, gets a note from check;
// init --workflow writes the current workflow, keeps the old one as
// briefs.yml.old, and check says nothing more. A workflow the project
// wrote itself is left alone.
func TestInitWorkflowRefreshesAnOldOne(t *testing.T) {
	dir := t.TempDir()
	initIn(t, dir)
	path := filepath.Join(dir, workflowPath)
	current, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	old := strings.ReplaceAll(strings.ReplaceAll(string(current), "actions/checkout@v6", "actions/checkout@v4"), "actions/setup-go@v6", "actions/setup-go@v5")
	if err := os.WriteFile(path, []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, _ := runCLI(t, dir, []string{"check"}, "text"); !strings.Contains(got, "actions/checkout@v4, actions/setup-go@v5") || !strings.Contains(got, "briefs init --workflow") {
		t.Errorf("check says nothing of the Node 20 actions:\n%s", got)
	}
	if got, code := runCLI(t, dir, []string{"init", "--workflow", dir}, "text"); code != 0 || !strings.Contains(got, "wrote ") {
		t.Fatalf("init --workflow: exit %d\n%s", code, got)
	}
	if now, _ := os.ReadFile(path); string(now) != string(current) {
		t.Error("init --workflow did not write the current workflow")
	}
	if kept, _ := os.ReadFile(path + ".old"); string(kept) != old {
		t.Error("the replaced workflow was not kept as briefs.yml.old")
	}
	if got, _ := runCLI(t, dir, []string{"check"}, "text"); strings.Contains(got, "Node 20") {
		t.Errorf("check still notes the workflow:\n%s", got)
	}
	own := "name: ours\non: push\n"
	if err := os.WriteFile(path, []byte(own), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, code := runCLI(t, dir, []string{"init", "--workflow", dir}, "text"); code != 2 || !strings.Contains(got, "not written by briefs init") {
		t.Errorf("init --workflow over the project's own workflow: exit %d\n%s", code, got)
	}
	if now, _ := os.ReadFile(path); string(now) != own {
		t.Error("init --workflow replaced the project's own workflow")
	}
}

// TestInitInAnExistingRepository: a repository with its own README and a
// .gitignore gets the project's files; the README stays as it was, the
// .gitignore keeps every byte and gains the one rule it lacks, once.
func TestInitInAnExistingRepository(t *testing.T) {
	dir := t.TempDir()
	readme, ignore := "# Our network\r\nBriefs and data.\r\n", "*.tmp\nnode_modules/"
	os.WriteFile(filepath.Join(dir, "README.md"), []byte(readme), 0o644)
	os.WriteFile(filepath.Join(dir, ".gitignore"), []byte(ignore), 0o644)
	initIn(t, dir)
	if got, _ := os.ReadFile(filepath.Join(dir, "README.md")); string(got) != readme {
		t.Errorf("README.md changed:\n%s", got)
	}
	got, _ := os.ReadFile(filepath.Join(dir, ".gitignore"))
	if !strings.HasPrefix(string(got), ignore+"\n") || strings.Count(string(got), "dist/") != 1 {
		t.Errorf(".gitignore:\n%s", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "briefs.toml")); err != nil {
		t.Error(err)
	}
	if out, code := runCLI(t, dir, []string{"init"}, "text"); code != 2 || !strings.Contains(out, "is a project already") {
		t.Errorf("a second init: exit %d\n%s", code, out)
	}
}

// TestInitGitignoreKeepsItsLineEnds: a .gitignore saved with CR LF gains
// dist/ with CR LF, and one that ignores /dist already gains nothing.
func TestInitGitignoreKeepsItsLineEnds(t *testing.T) {
	for have, want := range map[string]string{
		"*.tmp\r\nnode_modules/\r\n": "*.tmp\r\nnode_modules/\r\n\r\n# Built PDFs, index.html and manifest.json; CI publishes them.\r\ndist/\r\n",
		"/dist\n*.log\n":             "/dist\n*.log\n",
	} {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, ".gitignore"), []byte(have), 0o644)
		initIn(t, dir)
		if got, _ := os.ReadFile(filepath.Join(dir, ".gitignore")); string(got) != want {
			t.Errorf(".gitignore %q became %q, want %q", have, got, want)
		}
	}
}

// TestTranslationsJobConverges runs the script of the workflow's
// translations job, as a runner would (bash, briefs on PATH), on a project
// that keeps po/: a translator's edit in a PO file reaches the TOML, and
// a second run changes nothing, so the job's commit step finds nothing to
// commit (the job would otherwise commit on every push).
func TestTranslationsJobConverges(t *testing.T) {
	bin := needBinary(t)
	bash := testkit.Tool(t, "bash", "bash")
	wf := string(initWorkflow(t))
	_, job, _ := strings.Cut(wf, "- name: Import, sync and export\n")
	_, script, _ := strings.Cut(job, "run: |\n")
	script, _, _ = strings.Cut(script, "\n      - name:")
	if !strings.Contains(script, "briefs import") {
		t.Fatalf("no import script in the workflow:\n%s", wf)
	}
	root := copyFixture(t)
	env := append(os.Environ(), "PATH="+filepath.Dir(bin)+string(os.PathListSeparator)+os.Getenv("PATH"))
	run := func() {
		t.Helper()
		cmd := exec.Command(bash, "-e", "-c", script)
		cmd.Dir, cmd.Env = root, env
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("the job's script: %v\n%s", err, out)
		}
	}
	if _, code := runCLI(t, root, []string{"export", "--format", "po", "--out", "$ROOT/po"}, "text"); code != 0 {
		t.Fatal("export")
	}
	po := filepath.Join(root, "po", "km", "b.po")
	data, _ := os.ReadFile(po)
	os.WriteFile(po, []byte(strings.Replace(string(data), "msgstr \"ការងារនៅក្នុងតំបន់\"", "msgstr \"ការងារក្នុងតំបន់\"", 1)), 0o644)
	run()
	if toml, _ := os.ReadFile(filepath.Join(root, "locales", "b.km.toml")); !strings.Contains(string(toml), "ការងារក្នុងតំបន់") {
		t.Errorf("the translator's edit did not reach the TOML:\n%s", toml)
	}
	before := treeDigest(t, root)
	run()
	if after := treeDigest(t, root); after != before {
		t.Errorf("a second run changed the project: the job would commit on every push")
	}
}

// treeDigest is a digest of every file under locales/ and po/.
func treeDigest(t *testing.T, root string) string {
	t.Helper()
	var b strings.Builder
	for _, dir := range []string{"locales", "po"} {
		filepath.Walk(filepath.Join(root, dir), func(p string, info os.FileInfo, err error) error {
			if err == nil && !info.IsDir() {
				data, _ := os.ReadFile(p)
				fmt.Fprintf(&b, "%s %x\n", p, sha256.Sum256(data))
			}
			return nil
		})
	}
	return b.String()
}
