using System.Globalization;
using System.Text.RegularExpressions;
using CcapBot.Localization;

namespace CcapBot.Conversations.Dialogs;

/// <summary>
/// A recognised command; <see cref="Exact"/> is false when accents or a typo had to be forgiven; <see cref="Number"/>
/// is the trailing number of a command that takes one ("suggest mentors for 12").
/// </summary>
public sealed record CommandMatch(string CommandId, bool Exact, int? Number = null);

/// <summary>
/// Recognises a whole message as a command, in English or Vietnamese: "help", "HELP", "trợ giúp", "tro giup",
/// "hlep" and "huy" (= "hủy") all count. Only the whole message counts, so sentences are never hijacked.
/// </summary>
public sealed partial class CommandRecognizer
{
    private readonly List<(string CommandId, string Clean, string Folded)> _phrases = [];
    private readonly HashSet<string> _takingNumber = new(StringComparer.Ordinal);

    public CommandRecognizer(Localizer text, DialogRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(registry);
        foreach (var command in registry.Commands.Where(c => c.Definition.TakesNumber)) _takingNumber.Add(command.Definition.Id);
        foreach (var id in BuiltInCommands.All.Concat(registry.Commands.Select(c => c.Definition.Id)))
        {
            foreach (var language in Languages.All)
            {
                foreach (var phrase in text.Get(language, $"Command.{id}.Phrases").Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    _phrases.Add((id, TextMatching.Clean(phrase), TextMatching.Fold(phrase)));
            }
        }
    }

    public CommandMatch? Recognize(string? message)
    {
        var clean = TextMatching.Clean(message);
        if (Match(clean, _phrases, forgiveTypos: false) is { } whole) return whole;
        // "suggest mentors for 12", "#12": the words before the number name a command that takes one. Tried before
        // typos are forgiven, which would otherwise take the number for a typo of the command alone.
        if (_takingNumber.Count > 0 && TrailingNumber().Match(clean) is { Success: true } numbered
            && int.TryParse(numbered.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && Match(numbered.Groups[1].Value, [.. _phrases.Where(p => _takingNumber.Contains(p.CommandId))], forgiveTypos: true) is { } head)
            return head with { Number = number };
        return Match(clean, _phrases, forgiveTypos: true);
    }

    private static CommandMatch? Match(string clean, List<(string CommandId, string Clean, string Folded)> phrases, bool forgiveTypos)
    {
        if (clean.Length == 0 || clean.Length > 40) return null;
        if (phrases.FirstOrDefault(p => p.Clean == clean) is { CommandId: { } exact }) return new CommandMatch(exact, true);
        var folded = TextMatching.Fold(clean);
        if (phrases.FirstOrDefault(p => p.Folded == folded) is { CommandId: { } accentless }) return new CommandMatch(accentless, false);
        if (!forgiveTypos) return null;
        var best = phrases
            .Select(p => (p.CommandId, Tolerance: Math.Min(TextMatching.Tolerance(p.Folded.Length), TextMatching.Tolerance(folded.Length)), p.Folded))
            .Select(p => (p.CommandId, p.Tolerance, Distance: TextMatching.Distance(folded, p.Folded, p.Tolerance)))
            .Where(p => p.Distance <= p.Tolerance)
            .OrderBy(p => p.Distance)
            .ToList();
        // A typo that is as close to two different commands is not a command.
        return best.Count > 0 && best.TakeWhile(p => p.Distance == best[0].Distance).Select(p => p.CommandId).Distinct().Count() == 1
            ? new CommandMatch(best[0].CommandId, false)
            : null;
    }

    /// <summary>On cleaned text (lower case, single spaces, no punctuation): the words, then a number of up to 9 digits.</summary>
    [GeneratedRegex(@"^(\D+?) ?(\d{1,9})$")]
    private static partial Regex TrailingNumber();
}
