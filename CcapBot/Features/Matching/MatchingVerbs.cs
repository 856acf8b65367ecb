namespace CcapBot.Features.Matching;

/// <summary>Verbs of the matching cards (cards/match-suggestions.json, pair-cities.json); templates use the same strings.</summary>
public static class MatchingVerbs
{
    /// <summary>Show the suggestions for a learning application: data <c>application</c>.</summary>
    public const string Show = "matching.show";
    /// <summary>Create the partnership with a suggested mentor: data <c>suggestion</c>, inputs <c>purpose_{id}</c>, <c>category_{id}</c>.</summary>
    public const string Confirm = "matching.confirm";
    /// <summary>Reject a suggestion: data <c>suggestion</c>, input <c>reason_{id}</c>.</summary>
    public const string Reject = "matching.reject";
    /// <summary>Show the form to pair cities by hand.</summary>
    public const string PairForm = "matching.pairform";
    /// <summary>Pair cities by hand: inputs <c>mentor</c>, <c>learning</c> (comma-separated ids), <c>category</c>, <c>purpose</c>.</summary>
    public const string Pair = "matching.pair";

    public static IReadOnlyList<string> All { get; } = [Show, Confirm, Reject, PairForm, Pair];
}
