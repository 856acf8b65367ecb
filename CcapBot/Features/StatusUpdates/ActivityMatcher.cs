using CcapBot.Conversations;

namespace CcapBot.Features.StatusUpdates;

/// <summary>
/// Finds the activity a few words name ("the inventory", "kiểm kê", "questionaire" with a typo): each word counts when
/// it equals, begins, or is within typo distance of a word of the title. The titles matching the most words win;
/// several equally good are ambiguous (the caller asks), none is unknown.
/// </summary>
public static class ActivityMatcher
{
    public static IReadOnlyList<T> Best<T>(string words, IEnumerable<T> candidates, Func<T, string> title)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(title);
        var query = TextMatching.Fold(words).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= 2).Distinct().ToList();
        if (query.Count == 0) return [];
        var scored = candidates
            .Select(c => (Candidate: c, Matched: Matched(query, TextMatching.Fold(title(c)).Split(' ', StringSplitOptions.RemoveEmptyEntries))))
            // At least half the words must belong to the title: "finished reading the guidance" is not an activity.
            .Where(s => s.Matched > 0 && s.Matched * 2 >= query.Count)
            .ToList();
        if (scored.Count == 0) return [];
        var best = scored.Max(s => s.Matched);
        return [.. scored.Where(s => s.Matched == best).Select(s => s.Candidate)];
    }

    private static int Matched(List<string> query, string[] titleWords) =>
        query.Count(q => titleWords.Any(t => Same(q, t)));

    private static bool Same(string word, string titleWord)
    {
        if (word == titleWord) return true;
        if (word.Length >= 4 && titleWord.Length >= 4 && (titleWord.StartsWith(word, StringComparison.Ordinal) || word.StartsWith(titleWord, StringComparison.Ordinal))) return true;
        var tolerance = Math.Min(TextMatching.Tolerance(word.Length), TextMatching.Tolerance(titleWord.Length));
        return tolerance > 0 && TextMatching.Distance(word, titleWord, tolerance) <= tolerance;
    }
}
