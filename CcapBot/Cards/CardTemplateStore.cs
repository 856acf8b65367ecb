using System.Collections.Frozen;
using System.Text.Json.Nodes;

namespace CcapBot.Cards;

/// <summary>
/// The Adaptive Card templates from <c>cards/*.json</c>, embedded in the assembly, parsed and checked once
/// (every expression compiled, see <see cref="TemplateEngine"/>): a broken template stops the app at start,
/// and asking for a template that does not exist is a programming error that throws at once.
/// </summary>
public sealed class CardTemplateStore
{
    private const string Prefix = "cards/";
    private readonly FrozenDictionary<string, CompiledTemplate> _templates;

    public CardTemplateStore()
    {
        var assembly = typeof(CardTemplateStore).Assembly;
        _templates = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .ToFrozenDictionary(
                n => n[Prefix.Length..^".json".Length],
                n =>
                {
                    using var stream = assembly.GetManifestResourceStream(n)!;
                    var json = JsonNode.Parse(stream) ?? throw new CardTemplateException($"Card template {n} is empty.");
                    return TemplateEngine.Compile(n[Prefix.Length..^".json".Length], json);
                },
                StringComparer.Ordinal);
    }

    public IEnumerable<string> Names => _templates.Keys;

    internal CompiledTemplate Get(string name) =>
        _templates.TryGetValue(name, out var template)
            ? template
            : throw new KeyNotFoundException($"No card template '{name}' in cards/ (known: {string.Join(", ", _templates.Keys)}).");
}
