using CcapBot.Localization;

namespace CcapBot.Conversations.Dialogs;

/// <summary>A recognised command; <see cref="Exact"/> is false when accents or a typo had to be forgiven.</summary>
public sealed record CommandMatch(string CommandId, bool Exact);

/// <summary>
/// Recognises a whole message as a command, in English or Vietnamese: "help", "HELP", "trợ giúp", "tro giup",
/// "hlep" and "huy" (= "hủy") all count. Only the whole message counts, so sentences are never hijacked.
/// </summary>
public sealed class CommandRecognizer
{
    private readonly List<(string CommandId, string Clean, string Folded)> _phrases = [];

    public CommandRecognizer(Localizer text, DialogRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(registry);
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
        if (clean.Length == 0 || clean.Length > 40) return null;
        if (_phrases.FirstOrDefault(p => p.Clean == clean) is { CommandId: { } exact }) return new CommandMatch(exact, true);
        var folded = TextMatching.Fold(message);
        if (_phrases.FirstOrDefault(p => p.Folded == folded) is { CommandId: { } accentless }) return new CommandMatch(accentless, false);
        var best = _phrases
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
}
