#compdef claimgraph
# zsh completion for claimgraph. The completion itself is bash's (below,
# from tools/completion/claimgraph.bash), run through zsh's bashcompinit:
# the first completion loads it and registers it, and then completes.
autoload -U +X bashcompinit && bashcompinit
