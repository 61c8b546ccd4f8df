using Antlr4.Runtime.Atn;

namespace Alg.DeviceConsole.Grammar;

/// <summary>
/// Walks a parser's ATN over the tokens typed so far and says which tokens may come next: the keywords <c>?</c>
/// lists, Tab completes and an abbreviation is expanded to. The parser's own prediction answers only "does this
/// parse", and when it fails it names the decision that failed, not the position the user stands at; a walk of every
/// path at once (predicates taken as true) knows the position.
/// </summary>
internal sealed class AtnWalker
{
    private readonly ATN _atn;

    public AtnWalker(ATN atn) => _atn = atn;

    /// <summary>The paths still alive after <paramref name="tokenTypes"/>, starting at <paramref name="ruleIndex"/>; empty: no line of the rule starts so.</summary>
    public IReadOnlyList<AtnPath> Walk(int ruleIndex, IEnumerable<int> tokenTypes)
    {
        var paths = Closure([new AtnPath(_atn.ruleToStartState[ruleIndex], null)]);
        foreach (var type in tokenTypes)
        {
            var next = new List<AtnPath>();
            foreach (var path in paths)
            {
                foreach (var transition in path.State.TransitionsArray)
                {
                    if (!transition.IsEpsilon && transition is not RuleTransition && transition.Matches(type, 1, _atn.maxTokenType))
                    {
                        next.Add(new AtnPath(transition.target, path.Stack));
                    }
                }
            }

            paths = Closure(next);
            if (paths.Count == 0)
            {
                break;
            }
        }

        return paths;
    }

    /// <summary>What may come next on the paths: token types named by the grammar, and whether any word would do.</summary>
    public ExpectedTokens Expected(IReadOnlyList<AtnPath> paths)
    {
        var types = new SortedSet<int>();
        var anyWord = false;
        foreach (var path in paths)
        {
            foreach (var transition in path.State.TransitionsArray)
            {
                if (transition.IsEpsilon || transition is RuleTransition)
                {
                    continue;
                }

                if (transition.TransitionType is TransitionType.NOT_SET or TransitionType.WILDCARD)
                {
                    anyWord = true;
                    continue;
                }

                foreach (var type in transition.Label.ToList())
                {
                    types.Add(type);
                }
            }
        }

        return new ExpectedTokens(types, anyWord);
    }

    /// <summary>Whether <paramref name="type"/> is matched on some path by a transition that names it (a keyword), not only by "any word".</summary>
    public bool NamedBy(IReadOnlyList<AtnPath> paths, int type) =>
        paths.Any(p => p.State.TransitionsArray.Any(t => !t.IsEpsilon && t is not RuleTransition
            && t.TransitionType is not (TransitionType.NOT_SET or TransitionType.WILDCARD) && t.Matches(type, 1, _atn.maxTokenType)));

    public bool Accepts(IReadOnlyList<AtnPath> paths, int type) =>
        paths.Any(p => p.State.TransitionsArray.Any(t => !t.IsEpsilon && t is not RuleTransition && t.Matches(type, 1, _atn.maxTokenType)));

    // Follows every epsilon move (rule calls push their return state, rule ends pop it) and keeps the states that
    // wait for a token. The entry rule's end is not kept: every line rule ends with NEWLINE, which is a token.
    private static List<AtnPath> Closure(List<AtnPath> start)
    {
        var result = new List<AtnPath>();
        var seen = new HashSet<(int, AtnStack?)>();
        var work = new Stack<AtnPath>(start);
        while (work.Count > 0)
        {
            var path = work.Pop();
            if (!seen.Add((path.State.stateNumber, path.Stack)))
            {
                continue;
            }

            if (path.State is RuleStopState)
            {
                if (path.Stack is { } stack)
                {
                    work.Push(new AtnPath(stack.Return, stack.Parent));
                }

                continue;
            }

            var waits = false;
            foreach (var transition in path.State.TransitionsArray)
            {
                if (transition is RuleTransition call)
                {
                    work.Push(new AtnPath(call.target, new AtnStack(call.followState, path.Stack)));
                }
                else if (transition.IsEpsilon)
                {
                    work.Push(new AtnPath(transition.target, path.Stack));
                }
                else
                {
                    waits = true;
                }
            }

            if (waits)
            {
                result.Add(path);
            }
        }

        return result;
    }
}
