using System.Text.RegularExpressions;
using CcapBot.Conversations;
using CcapBot.Domain;

namespace CcapBot.Features.StatusUpdates;

/// <summary>
/// What a sentence asks for: a status, the activity (by <see cref="Number"/>, or by words of its title in
/// <see cref="Words"/>, folded), and a note. Neither number nor words: the activity must be asked for.
/// </summary>
public sealed record StatusRequest(ActivityStatus Status, int? Number, string Words, string? Note);

/// <summary>
/// Reads a status update said in English or Vietnamese: "activity 2 done", "#3 in progress: questionnaire sent",
/// "blocked on 4 — waiting for funding", "the inventory is done", "xong hoạt động 2", "hoạt động 3 đang làm".
/// Case, accents and punctuation do not matter. A note follows a colon, a dash, a semicolon, "because" or "vì".
/// When the sentence has several status words, the one at its start or end wins ("done with the start-up
/// workshop" is done): titles sit in the middle.
/// </summary>
public static partial class StatusUtterance
{
    public const int MaxLength = 500;

    private static readonly (ActivityStatus Status, string[] Tokens)[] Phrases = BuildPhrases();

    private static readonly HashSet<string> Fillers = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "is", "are", "was", "were", "has", "have", "had", "been", "be", "now", "as", "mark", "marked", "set", "it",
        "its", "we", "our", "i", "my", "me", "with", "of", "for", "to", "please", "pls", "just", "already", "fully", "all", "this", "that",
        "status", "update", "on", "yet", "today", "and", "in", "at", "by", "nay", "hom",
        "da", "la", "cua", "chung", "toi", "roi", "nhe", "nha", "thi", "xin", "hay", "voi", "minh", "ben", "em", "anh", "chi",
    };

    private static readonly string[][] ReferenceWords = [["hoat", "dong"], ["cong", "viec"], ["activity"], ["activities"], ["act"], ["item"], ["task"], ["no"], ["number"], ["hd"], ["muc"], ["so"], ["viec"]];

    public static StatusRequest? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength) return null;
        text = text.Trim();
        foreach (var (index, length) in Separators(text))
        {
            var head = text[..index];
            var note = text[(index + length)..].Trim().Trim('.', ' ');
            if (note.Length == 0) continue;
            if (ParseHead(head) is { } request) return request with { Note = note };
        }
        return ParseHead(text);
    }

    /// <summary>Where a note may start, earliest first: punctuation, then "because"/"vì".</summary>
    private static IEnumerable<(int Index, int Length)> Separators(string text)
    {
        var found = new List<(int, int)>();
        foreach (Match m in NoteSeparator().Matches(text)) found.Add((m.Index, m.Length));
        return found.OrderBy(f => f.Item1);
    }

    private static StatusRequest? ParseHead(string head)
    {
        var unaccented = TextMatching.Unaccent(head);
        int? number = null;
        if (NumberReference().Match(unaccented) is { Success: true } reference) number = int.Parse(reference.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);

        var tokens = TextMatching.Fold(head).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (tokens.Count == 0) return null;
        var matches = FindStatusPhrases(tokens);
        if (matches.Count == 0) return null;

        var core = tokens.Select((t, i) => !IsNoise(tokens, i)).ToArray();
        var chosen = matches
            .Select(m => (m.Status, m.Start, m.Length, Edge: Math.Min(core.Take(m.Start).Count(c => c), core.Skip(m.Start + m.Length).Count(c => c))))
            .OrderBy(m => m.Edge).ThenByDescending(m => m.Length).ThenByDescending(m => m.Start)
            .First();

        var rest = tokens.Where((_, i) => i < chosen.Start || i >= chosen.Start + chosen.Length).ToList();
        rest = RemoveReferences(rest);
        var words = rest.Where(t => !Fillers.Contains(t)).ToList();
        // A lone number is the activity's ("2 done", "blocked on 4").
        if (number is null && words.Count == 1 && int.TryParse(words[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var lone) && lone is > 0 and < 100)
        {
            number = lone;
            words.Clear();
        }
        if (number is not null) words.RemoveAll(w => w == number.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new StatusRequest(chosen.Status, number, string.Join(' ', words), null);
    }

    private static List<(ActivityStatus Status, int Start, int Length)> FindStatusPhrases(List<string> tokens)
    {
        var found = new List<(ActivityStatus, int, int)>();
        var i = 0;
        while (i < tokens.Count)
        {
            // Longest phrase first at each position, so "not started" is not read as "started".
            var match = Phrases.Where(p => StartsAt(tokens, i, p.Tokens)).OrderByDescending(p => p.Tokens.Length).FirstOrDefault();
            if (match.Tokens is null)
            {
                i++;
                continue;
            }
            found.Add((match.Status, i, match.Tokens.Length));
            i += match.Tokens.Length;
        }
        return found;
    }

    private static bool StartsAt(List<string> tokens, int index, string[] phrase)
    {
        if (index + phrase.Length > tokens.Count) return false;
        for (var k = 0; k < phrase.Length; k++)
        {
            if (tokens[index + k] != phrase[k]) return false;
        }
        return true;
    }

    /// <summary>Words that say nothing about which activity: fillers, reference words, numbers.</summary>
    private static bool IsNoise(List<string> tokens, int index)
    {
        var token = tokens[index];
        if (Fillers.Contains(token) || token.All(char.IsAsciiDigit)) return true;
        return ReferenceWords.Any(r => Enumerable.Range(0, r.Length).Any(offset =>
            index - offset >= 0 && StartsAt(tokens, index - offset, r) && r[offset] == token));
    }

    private static List<string> RemoveReferences(List<string> tokens)
    {
        var result = new List<string>();
        for (var i = 0; i < tokens.Count;)
        {
            var reference = ReferenceWords.Where(r => StartsAt(tokens, i, r)).OrderByDescending(r => r.Length).FirstOrDefault();
            if (reference is not null)
            {
                i += reference.Length;
                continue;
            }
            result.Add(tokens[i]);
            i++;
        }
        return result;
    }

    private static (ActivityStatus, string[])[] BuildPhrases()
    {
        (ActivityStatus, string)[] phrases =
        [
            (ActivityStatus.NotStarted, "not started"), (ActivityStatus.NotStarted, "not yet started"), (ActivityStatus.NotStarted, "not begun"),
            (ActivityStatus.NotStarted, "not start"), (ActivityStatus.NotStarted, "haven t started"), (ActivityStatus.NotStarted, "havent started"),
            (ActivityStatus.NotStarted, "reset"), (ActivityStatus.NotStarted, "to do"), (ActivityStatus.NotStarted, "todo"),
            (ActivityStatus.NotStarted, "chua bat dau"), (ActivityStatus.NotStarted, "chua lam"), (ActivityStatus.NotStarted, "chua thuc hien"),
            (ActivityStatus.NotStarted, "chua trien khai"),
            (ActivityStatus.Blocked, "blocked"), (ActivityStatus.Blocked, "blocked on"), (ActivityStatus.Blocked, "blocked by"),
            (ActivityStatus.Blocked, "stuck"), (ActivityStatus.Blocked, "stuck on"), (ActivityStatus.Blocked, "on hold"),
            (ActivityStatus.Blocked, "bi chan"), (ActivityStatus.Blocked, "bi vuong"), (ActivityStatus.Blocked, "vuong mac"),
            (ActivityStatus.Blocked, "dang vuong"), (ActivityStatus.Blocked, "bi tac"), (ActivityStatus.Blocked, "tac nghen"),
            (ActivityStatus.Blocked, "bi ket"), (ActivityStatus.Blocked, "tam dung"), (ActivityStatus.Blocked, "gap kho khan"),
            (ActivityStatus.Blocked, "gap van de"),
            (ActivityStatus.InProgress, "in progress"), (ActivityStatus.InProgress, "started"), (ActivityStatus.InProgress, "starting"),
            (ActivityStatus.InProgress, "start"), (ActivityStatus.InProgress, "underway"), (ActivityStatus.InProgress, "under way"),
            (ActivityStatus.InProgress, "ongoing"), (ActivityStatus.InProgress, "on going"), (ActivityStatus.InProgress, "working on"),
            (ActivityStatus.InProgress, "begun"), (ActivityStatus.InProgress, "began"), (ActivityStatus.InProgress, "not done"),
            (ActivityStatus.InProgress, "not finished"), (ActivityStatus.InProgress, "dang lam"), (ActivityStatus.InProgress, "dang thuc hien"),
            (ActivityStatus.InProgress, "dang tien hanh"), (ActivityStatus.InProgress, "dang trien khai"), (ActivityStatus.InProgress, "bat dau"),
            (ActivityStatus.InProgress, "da bat dau"), (ActivityStatus.InProgress, "chua xong"), (ActivityStatus.InProgress, "dang"),
            (ActivityStatus.Done, "done"), (ActivityStatus.Done, "finished"), (ActivityStatus.Done, "finish"), (ActivityStatus.Done, "complete"),
            (ActivityStatus.Done, "completed"), (ActivityStatus.Done, "xong"), (ActivityStatus.Done, "da xong"), (ActivityStatus.Done, "hoan thanh"),
            (ActivityStatus.Done, "da hoan thanh"), (ActivityStatus.Done, "hoan tat"), (ActivityStatus.Done, "ket thuc"),
        ];
        return [.. phrases.Select(p => (p.Item1, p.Item2.Split(' ')))];
    }

    [GeneratedRegex(@"\s*(?::|;|—|–|\s-\s|,\s|\bbecause\b|\bsince\b|\bbởi vì\b|\bvì\b|\bvi\b)\s*", RegexOptions.IgnoreCase)]
    private static partial Regex NoteSeparator();

    [GeneratedRegex(@"(?:#\s*|\b(?:activity|act|item|task|no\.?|number|hoat dong|hd|muc|so|viec|cong viec)\s*#?\s*)(?<n>\d{1,2})\b", RegexOptions.IgnoreCase)]
    private static partial Regex NumberReference();
}
