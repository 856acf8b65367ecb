using System.Globalization;
using System.Text;

namespace CcapBot.Conversations;

/// <summary>
/// Forgiving comparison of what users type: case, Vietnamese accents (<c>huy</c> = <c>hủy</c>, <c>đ</c> = <c>d</c>),
/// punctuation and spacing do not matter, and small typos (<c>hlep</c>) are tolerated by edit distance.
/// </summary>
public static class TextMatching
{
    /// <summary>Lower case, letters and digits only, single spaces; accents kept.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Normalize(NormalizationForm.FormC).ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                if (space && builder.Length > 0) builder.Append(' ');
                builder.Append(c);
                space = false;
            }
            else
            {
                space = true;
            }
        }
        return builder.ToString();
    }

    /// <summary><see cref="Clean"/> and without accents.</summary>
    public static string Fold(string? text)
    {
        var clean = Clean(text);
        var builder = new StringBuilder(clean.Length);
        foreach (var c in clean.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            builder.Append(c == 'đ' ? 'd' : c);
        }
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Lower case without accents, everything else kept (for parsing times and dates).</summary>
    public static string Unaccent(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            builder.Append(c == 'đ' ? 'd' : c);
        }
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Edits (insert, delete, substitute, swap two neighbours) tolerated for a word of this length.</summary>
    public static int Tolerance(int length) => length switch
    {
        <= 3 => 0,
        <= 6 => 1,
        _ => 2,
    };

    /// <summary>Optimal string alignment distance, stopping early beyond <paramref name="limit"/>.</summary>
    public static int Distance(string a, string b, int limit = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (Math.Abs(a.Length - b.Length) > limit) return limit + 1;
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            var rowMin = int.MaxValue;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                rowMin = Math.Min(rowMin, d[i, j]);
            }
            if (rowMin > limit) return limit + 1;
        }
        return d[a.Length, b.Length];
    }

    /// <summary>
    /// The candidates that best match <paramref name="input"/> by their names: an exact folded match wins, then a
    /// unique prefix, then the closest names within typo tolerance. Several equally good → all of them (ambiguous).
    /// </summary>
    public static IReadOnlyList<T> Best<T>(string input, IEnumerable<T> candidates, Func<T, IEnumerable<string>> names)
    {
        var folded = Fold(input);
        if (folded.Length == 0) return [];
        var scored = candidates.Select(c => (Candidate: c, Names: names(c).Select(Fold).Where(n => n.Length > 0).ToList())).ToList();

        var exact = scored.Where(s => s.Names.Contains(folded)).Select(s => s.Candidate).ToList();
        if (exact.Count > 0) return exact;

        if (folded.Length >= 3)
        {
            var prefix = scored.Where(s => s.Names.Any(n => n.StartsWith(folded, StringComparison.Ordinal) || n.Split(' ').Any(w => w.StartsWith(folded, StringComparison.Ordinal)))).Select(s => s.Candidate).ToList();
            if (prefix.Count > 0) return prefix;
        }

        var limit = Tolerance(folded.Length);
        if (limit == 0) return [];
        var distances = scored.Select(s => (s.Candidate, Distance: s.Names.Min(n => Distance(folded, n, limit)))).Where(s => s.Distance <= limit).ToList();
        if (distances.Count == 0) return [];
        var best = distances.Min(s => s.Distance);
        return [.. distances.Where(s => s.Distance == best).Select(s => s.Candidate)];
    }
}
