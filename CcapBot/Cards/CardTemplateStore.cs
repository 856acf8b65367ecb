using System.Collections.Frozen;
using System.Text.Json.Nodes;

namespace CcapBot.Cards;

/// <summary>
/// The Adaptive Card templates from <c>cards/*.json</c>, embedded in the assembly and parsed once.
/// Asking for a template that does not exist is a programming error and throws at once.
/// </summary>
public sealed class CardTemplateStore
{
    private const string Prefix = "cards/";
    private readonly FrozenDictionary<string, JsonNode> _templates;

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
                    return JsonNode.Parse(stream) ?? throw new InvalidOperationException($"Card template {n} is empty.");
                },
                StringComparer.Ordinal);
    }

    public IEnumerable<string> Names => _templates.Keys;

    /// <summary>A fresh copy of the template, safe to mutate.</summary>
    public JsonNode Get(string name) =>
        _templates.TryGetValue(name, out var template)
            ? template.DeepClone()
            : throw new KeyNotFoundException($"No card template '{name}' in cards/ (known: {string.Join(", ", _templates.Keys)}).");
}
