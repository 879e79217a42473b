# Shell completion for claimgraph (bash; zsh loads it through bashcompinit).
# Subcommands, options and the values an option takes are read from the
# program's own --help when completing, so they are always those of the
# program installed; node ids come from the case file named on the line, and
# template names from `claimgraph templates`.

_claimgraph_node_ids() {
  # The ids of the nodes of case file $2, through the canonical JSON writer
  # (one node a line), privileged nodes included; nothing when the file
  # cannot be read.
  "$1" export "$2" --to json --include-privileged -q 2>/dev/null |
    sed -n '/^  "nodes": \[/,/^  \]/s/^    {"id": "\([^"\\]*\)".*/\1/p'
}

_claimgraph_tags() {
  # The tags of the nodes of case file $2, each once.
  "$1" export "$2" --to json --include-privileged -q 2>/dev/null |
    sed -n 's/.*"tags": \[\([^]]*\)\].*/\1/p' | tr ',' '\n' |
    sed -n 's/^ *"\([^"\\]*\)" *$/\1/p' | sort -u
}

_claimgraph() {
  local prog=${COMP_WORDS[0]} cur=${COMP_WORDS[COMP_CWORD]} prev=""
  ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
  command -v "$prog" >/dev/null 2>&1 || prog=claimgraph
  local sub="" file="" i word positionals=0
  for ((i = 1; i < COMP_CWORD; i++)); do
    word=${COMP_WORDS[i]}
    if [[ -z $sub ]]; then
      [[ $word != -* ]] && sub=$word
    elif [[ $word != -* && ${COMP_WORDS[i - 1]} != -* ]]; then
      ((positionals++))
      [[ -z $file ]] && file=$word
    fi
  done
  COMPREPLY=()
  if [[ -z $sub ]]; then
    local subs
    subs=$("$prog" --help 2>/dev/null | awk '/^Subcommands:$/ { on = 1; next } on && /^  [a-z]/ { print $1 }')
    COMPREPLY=($(compgen -W "$subs --help --version --verbose --quiet" -- "$cur"))
    return
  fi
  local help
  help=$("$prog" "$sub" --help 2>/dev/null)
  if [[ $prev == -* ]]; then
    # The help line of the option before the cursor: "  -t,--to TEXT:{dot,mermaid}".
    local line
    line=$(awk -v opt="$prev" '/^  -/ { n = split($1, names, ","); for (k = 1; k <= n; k++) if (names[k] == opt) { print; exit } }' <<<"$help")
    if [[ -n $line ]]; then
      if [[ $line == *'{'*'}'* ]]; then
        local choices=${line#*\{}
        choices=${choices%%\}*}
        COMPREPLY=($(compgen -W "${choices//,/ }" -- "$cur"))
        return
      fi
      case $prev in
        --focus | --exclude | --claim) [[ -n $file ]] && COMPREPLY=($(compgen -W "$(_claimgraph_node_ids "$prog" "$file")" -- "$cur")); return ;;
        --redact) [[ -n $file ]] && COMPREPLY=($(compgen -W "$(_claimgraph_tags "$prog" "$file")" -- "$cur")); return ;;
        --template)
          COMPREPLY=($(compgen -W "$("$prog" templates 2>/dev/null | awk '/^[a-z0-9][-a-z0-9_]* — / { print $1 }')" -- "$cur"))
          return ;;
        -o | --output | --diagram | --templates | --schemes) COMPREPLY=($(compgen -f -- "$cur")); return ;;
      esac
      # Another option that takes a value (a number, a name): nothing to offer.
      [[ $line =~ ^\ \ [^\ ]+\ (TEXT|UINT|INT|FLOAT) ]] && return
    fi
  fi
  if [[ $cur == -* ]]; then
    local options
    options=$(awk '/^  -/ { n = split($1, names, ","); for (k = 1; k <= n; k++) print names[k] }' <<<"$help")
    COMPREPLY=($(compgen -W "$options" -- "$cur"))
    return
  fi
  # explain's second positional is a node of the file.
  if [[ $sub == explain && $positionals -eq 1 && -n $file ]]; then
    COMPREPLY=($(compgen -W "$(_claimgraph_node_ids "$prog" "$file")" -- "$cur"))
    return
  fi
  COMPREPLY=($(compgen -f -- "$cur"))
}

complete -o filenames -o bashdefault -F _claimgraph claimgraph
