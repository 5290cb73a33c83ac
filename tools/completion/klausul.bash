# SPDX-License-Identifier: GPL-3.0-or-later
# klausul.bash - bash completion for kltext, klsplit and kldiff.
#
# One file for the three tools: `make install` puts it in
# $(COMPLETIONDIR) under each tool's name (bash-completion loads
# completions/NAME on first use of NAME); sourcing it by hand works too.
# The option lists are checked against the tools' own getopt tables by
# tests/cli/options.t, so they cannot drift.

_klausul_limits='--max-part-size= --max-total-size= --max-ratio= --max-depth=
	--max-paragraph= --max-clauses= --max-pages='

_klausul_opts_kltext='--json --plain --notes --comments --headers --all
	--output= --changes= --authors --help --version'
_klausul_opts_klsplit='--json --plain --sentences --changes= --output=
	--help --version'
_klausul_opts_kldiff='--json --stat --html --docx --author= --date= --title= --base=
	--parallel --summary --markdown --unmarked --whole --all-pairs
	--output= --quiet --substantive --unchanged --changes-only
	--hide-typography --hide-language --hide-renumbering --hide-period
	--color=
	--lang= --label= --width= --changes= --help --version'

# Values of an option that takes a fixed set of words.
_klausul_values()
{
	case $1:$2 in
	kltext:--changes|kltext:-c)	echo 'accept reject markup' ;;
	*:--changes|klsplit:-c)		echo 'accept reject' ;;
	kldiff:--color|kldiff:--colour)	echo 'auto always never' ;;
	kldiff:--lang)			echo 'sv en' ;;
	*)				return 1 ;;
	esac
}

# Files a tool reads: .docx, and for klsplit and kldiff also the record
# streams and plain text (any file), so only kltext filters by name.
_klausul_files()
{
	local IFS=$'\n'

	compopt -o filenames 2>/dev/null	# dirs get a slash, names quoting
	if [ "$1" = kltext ]; then
		COMPREPLY=($(compgen -f -X '!*.[dD][oO][cC][xX]' -- "$2")
		    $(compgen -d -- "$2"))
	else
		COMPREPLY=($(compgen -f -- "$2"))
	fi
}

_klausul()
{
	local prog=${1##*/} cur=${COMP_WORDS[COMP_CWORD]} prev= opts vals
	local opt eq=1

	[ "$COMP_CWORD" -gt 0 ] && prev=${COMP_WORDS[COMP_CWORD-1]}
	COMPREPLY=()

	# --opt=value: bash splits at '=' (COMP_WORDBREAKS), so the word
	# being completed may be the value after a lone '='.
	if [ "$cur" = = ] && [ "$COMP_CWORD" -gt 1 ]; then
		opt=$prev
		cur=
	elif [ "$prev" = = ] && [ "$COMP_CWORD" -gt 1 ]; then
		opt=${COMP_WORDS[COMP_CWORD-2]}
	elif [[ $cur == --*=* ]]; then
		opt=${cur%%=*}
		cur=${cur#*=}
	else
		opt=$prev
		eq=0
	fi

	# --color's value is optional, so it must be joined with '='.
	if { [ $eq = 1 ] || [[ $opt != --colo* ]]; } &&
	    vals=$(_klausul_values "$prog" "$opt"); then
		COMPREPLY=($(compgen -W "$vals" -- "$cur"))
		return 0
	fi
	case $opt in
	-o|--output|--base)
		compopt -o filenames 2>/dev/null
		COMPREPLY=($(compgen -f -- "$cur"))
		return 0 ;;
	--max-*|--author|--date|--title|-L|--label|-w|--width)
		return 0 ;;	# free text: nothing to offer
	esac

	if [[ $cur == -* ]]; then
		case $prog in
		kltext)	opts=$_klausul_opts_kltext ;;
		klsplit) opts=$_klausul_opts_klsplit ;;
		*)	opts=$_klausul_opts_kldiff ;;
		esac
		COMPREPLY=($(compgen -W "$opts $_klausul_limits" -- "$cur"))
		# No space after an option that wants its value.
		[ ${#COMPREPLY[@]} = 1 ] && [[ ${COMPREPLY[0]} == *= ]] &&
		    compopt -o nospace 2>/dev/null
		return 0
	fi
	_klausul_files "$prog" "$cur"
}

complete -F _klausul kltext klsplit kldiff
