package main

import (
	"fmt"

	"github.com/urfave/cli/v2"
)

func completionCommand() *cli.Command {
	return &cli.Command{
		Name:      "completion",
		Usage:     "print a shell completion script: briefs completion bash|zsh|fish",
		ArgsUsage: "SHELL",
		Action: func(c *cli.Context) error {
			switch c.Args().First() {
			case "bash":
				fmt.Fprint(c.App.Writer, bashCompletion)
			case "zsh":
				fmt.Fprint(c.App.Writer, zshCompletion)
			case "fish":
				s, err := c.App.ToFishCompletion()
				if err != nil {
					return cli.Exit(fmt.Sprintf("completion: %v", err), 1)
				}
				fmt.Fprint(c.App.Writer, s)
			default:
				return cli.Exit("completion: give bash, zsh or fish, e.g. source <(briefs completion bash)", 2)
			}
			return nil
		},
	}
}

func manCommand() *cli.Command {
	return &cli.Command{
		Name:  "man",
		Usage: "print the manual page (roff), generated from the command definitions",
		Action: func(c *cli.Context) error {
			fmt.Fprint(c.App.Writer, manPage(c.App))
			return nil
		},
	}
}

// The bash and zsh scripts ask the binary for candidates with
// --generate-bash-completion, the protocol of urfave/cli, so they follow
// the commands and flags of the installed version.
const bashCompletion = `# bash completion for briefs: source <(briefs completion bash)
_briefs_complete() {
  local cur words
  cur="${COMP_WORDS[COMP_CWORD]}"
  words=("${COMP_WORDS[@]:0:COMP_CWORD}")
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$("${words[@]}" "$cur" --generate-bash-completion 2>/dev/null)" -- "$cur"))
  else
    COMPREPLY=($(compgen -W "$("${words[@]}" --generate-bash-completion 2>/dev/null)" -- "$cur"))
  fi
}
complete -o default -F _briefs_complete briefs
`

const zshCompletion = `#compdef briefs
# zsh completion for briefs: source <(briefs completion zsh)
_briefs() {
  local -a opts
  local cur=${words[-1]}
  if [[ "$cur" == -* ]]; then
    opts=("${(@f)$(${words[@]:0:#words[@]-1} $cur --generate-bash-completion 2>/dev/null)}")
  else
    opts=("${(@f)$(${words[@]:0:#words[@]-1} --generate-bash-completion 2>/dev/null)}")
  fi
  if [[ -n "${opts[1]}" ]]; then
    _describe 'values' opts
  else
    _files
  fi
}
compdef _briefs briefs
`
