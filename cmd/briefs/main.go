package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/mekong-briefs/briefs/internal/diag"
	"github.com/mekong-briefs/briefs/internal/lang"
)

func main() {
	stopCleanly(os.Args)
	os.Exit(profiled(func() int { return run(os.Args, os.Stdout, os.Stderr) }))
}

// run runs the command line and returns the process's exit code.
func run(args []string, stdout, stderr io.Writer) int {
	app := newApp(stdout, stderr)
	if i := slices.Index(args, "--"); i >= 0 {
		// What follows -- is arguments, whatever they look like: the
		// flag parser drops the --, and flagsFirst must not refuse them.
		app.Metadata = map[string]any{literalArgs: len(args) - i - 1}
	}
	err := app.Run(args)
	if err == nil {
		return 0
	}
	var ec cli.ExitCoder
	if errors.As(err, &ec) && ec.ExitCode() == 3 && strings.HasPrefix(err.Error(), "No help topic") {
		// urfave/cli's own words and code for briefs help NOSUCH, whose
		// guess was no command's: a usage error is 2, as for briefs NOSUCH.
		_, topic, _ := strings.Cut(err.Error(), "'")
		topic, _, _ = strings.Cut(topic, "'")
		fmt.Fprintf(stderr, "briefs: help: unknown command %q (briefs --help lists the commands)\n", topic)
		return 2
	}
	if errors.As(err, &ec) {
		if msg := err.Error(); msg != "" {
			fmt.Fprintln(stderr, "briefs:", msg)
			if githubFormat(args) && ec.ExitCode() == 2 {
				// A run stopped before any finding (a wrong --root, an
				// output folder it cannot make) shows on the workflow's
				// summary too, as an annotation without a file.
				fmt.Fprintln(stdout, diag.Diagnostic{Severity: diag.Error, Code: "briefs " + command(args), Msg: msg}.GitHub())
			}
		}
		return ec.ExitCode()
	}
	// A missing Required flag is a usage error (exit 2), as any other
	// flag error is; urfave/cli gives it no exported type to test.
	if msg := err.Error(); strings.HasPrefix(msg, "Required flag") {
		fmt.Fprintf(stderr, "briefs: %s (--help after the command lists its flags)\n", msg)
		return 2
	}
	fmt.Fprintln(stderr, "briefs:", err)
	return 1
}

func newApp(stdout, stderr io.Writer) *cli.App {
	app := &cli.App{
		Name:    "briefs",
		Usage:   "check and typeset multilingual policy briefs",
		Version: version(),
		Suggest: true, // "briefs buidl" suggests "build"
		// Shell completion asks the binary itself: briefs completion bash.
		EnableBashCompletion: true,
		// Repeat a flag for several values; a comma belongs to the value
		// ("--edition kh:en,km").
		DisableSliceFlagSeparator: true,
		Writer:                    stdout,
		ErrWriter:                 stderr,
		// Exit codes are run's to decide, never the library's.
		ExitErrHandler: func(*cli.Context, error) {},
		Flags:          globalFlags(),
		Commands: []*cli.Command{initCommand(), newCommand(), buildCommand(), proofCommand(), segmentCommand(), checkCommand(),
			syncCommand(), exportCommand(), importCommand(), serveCommand(), mergeCommand(), completionCommand(), manCommand()},
		Action: unknownCommand,
	}
	app.OnUsageError = usageError
	app.Before = findRoot
	for _, c := range app.Commands {
		c.OnUsageError = usageError
		if c.ArgsUsage == "" {
			c.Before = noArguments
		} else if c.Before == nil {
			c.Before = flagsFirst
		}
	}
	return app
}

// literalArgs is the app's Metadata key for the count of arguments after
// a --.
const literalArgs = "literal-args"

// flagsFirst refuses a command's own flag written after its arguments:
// the flag parser stops at the first argument and took the flag for one
// more (briefs segment - --zwsp printed no ZWSP and said nothing; briefs
// proof notes.txt --markup said "give one text file").
func flagsFirst(c *cli.Context) error {
	args := c.Args().Slice()
	if n, ok := c.App.Metadata[literalArgs].(int); ok && n <= len(args) {
		args = args[:len(args)-n]
	}
	for _, a := range args {
		name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if a == "-" || !strings.HasPrefix(a, "-") || name == "" {
			continue
		}
		if slices.ContainsFunc(c.Command.Flags, func(f cli.Flag) bool { return slices.Contains(f.Names(), name) }) {
			return cli.Exit(fmt.Sprintf("%s: %s comes after the arguments, where it is not read as a flag (flags go first: briefs %s [flags] %s)",
				c.Command.Name, a, c.Command.Name, c.Command.ArgsUsage), 2)
		}
	}
	return nil
}

// noArguments refuses the arguments of a command that takes none: `briefs
// build water-access` would otherwise build every brief and exit 0, and
// its user would think the build was filtered.
func noArguments(c *cli.Context) error {
	if !c.Args().Present() {
		return nil
	}
	hint := "it takes flags only"
	if slices.Contains([]string{"build", "check", "export"}, c.Command.Name) {
		hint = "--brief " + c.Args().First() + " names a brief"
	}
	return cli.Exit(fmt.Sprintf("%s: unexpected argument %q (%s; briefs %s --help lists the flags)",
		c.Command.Name, c.Args().First(), hint, c.Command.Name), 2)
}

// usageError makes every flag error exit 2.
func usageError(c *cli.Context, err error, _ bool) error {
	help := "briefs --help lists the global flags" // a flag before any command (briefs --root)
	if c.Command != nil && c.Command.Name != "" && c.Command.Name != c.App.Name {
		help = "briefs " + c.Command.Name + " --help lists the flags"
	}
	msg := strings.Replace(strings.Replace(err.Error(), " for flag -", " for flag --", 1), "needs an argument: -", "needs an argument: --", 1)
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		// Go's flag package writes one dash; briefs's flags are written
		// with two, and a global flag after the command is the usual slip.
		name = strings.TrimPrefix(name, "-")
		dashes := "--"
		if len(name) == 1 {
			dashes = "-" // -v, as typed: briefs's one-letter flags take one
		}
		msg = "unknown flag " + dashes + name
		global := slices.ContainsFunc(c.App.Flags, func(f cli.Flag) bool { return slices.Contains(f.Names(), name) })
		if global && !slices.Contains([]string{"v", "version", "h", "help"}, name) {
			help = fmt.Sprintf("--%s is a global flag: put it before the command, briefs --%s … %s", name, name, c.Command.Name)
		}
	}
	return cli.Exit(fmt.Sprintf("%s (%s)", msg, help), 2)
}

// unknownCommand runs when no command matched: help without arguments, a
// usage error otherwise.
func unknownCommand(c *cli.Context) error {
	if !c.Args().Present() {
		return cli.ShowAppHelp(c)
	}
	name := c.Args().First()
	var names []string
	for _, cmd := range c.App.Commands {
		names = append(names, cmd.Name)
	}
	hint := "briefs --help lists the commands"
	if s := closestName(name, names); s != "" {
		hint = fmt.Sprintf("did you mean %q?", s)
	}
	return cli.Exit(fmt.Sprintf("unknown command %q (%s)", name, hint), 2)
}

// langList is the language codes the table holds, for flag help.
func langList() string { return strings.Join(lang.Codes(), ", ") }

// globalFlags are the flags before the command, for the app and for
// command, which finds the command before the app runs.
func globalFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "root", Value: ".", Usage: "project folder holding briefs/ and locales/"},
		colorFlag,
	}
}

// githubFormat reports whether the command line asks for --format github,
// whose readers (the Actions runner) see only workflow commands.
// The last --format counts, as for the flag itself.
func githubFormat(args []string) bool {
	format := ""
	for i, a := range args {
		if v, ok := strings.CutPrefix(strings.TrimPrefix(a, "-"), "-format="); ok {
			format = v
		} else if v, ok := strings.CutPrefix(a, "-format="); ok {
			format = v
		} else if (a == "--format" || a == "-format") && i+1 < len(args) {
			format = args[i+1]
		}
	}
	return format == "github"
}
