using System.Text.Json;
using System.Text.Json.Nodes;
using CcapBot.Protocol.Schema;

namespace CcapBot.Tests.Infrastructure;

/// <summary>Reading Adaptive Cards the bot sent, as a client would: their text, buttons, verbs and inputs.</summary>
public static class CardReader
{
    /// <summary>The Adaptive Card an activity carries, if any.</summary>
    public static JsonObject? Card(this Activity? activity) =>
        activity?.Attachments?.FirstOrDefault(a => a.ContentType == Attachment.AdaptiveCardContentType)?.Content is { } content ? JsonNode.Parse(content.GetRawText())!.AsObject() : null;

    /// <summary>The card a connector call carries; throws when there is none.</summary>
    public static JsonObject Card(this ConnectorCall call) => call.Activity.Card() ?? throw new InvalidOperationException("No card in " + call.Body);

    /// <summary>The call carries a card whose text contains <paramref name="text"/>.</summary>
    public static bool HasCardWith(this ConnectorCall call, string text) =>
        call.Activity.Card() is { } card && card.Text().Contains(text, StringComparison.Ordinal);

    /// <summary>All text on a card (TextBlocks, labels, fact values…), for assertions.</summary>
    public static string Text(this JsonNode? node) => node switch
    {
        JsonObject o => string.Join("\n", o.Where(p => p.Key is "text" or "label" or "title" or "value" or "errorMessage" || p.Value is JsonObject or JsonArray).Select(p => p.Value.Text())),
        JsonArray a => string.Join("\n", a.Select(Text)),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => "",
    };

    /// <summary>Every button of a card, also those inside show-cards (but not the Action.Submit fallbacks of Action.Execute).</summary>
    public static IEnumerable<JsonObject> Actions(this JsonNode? node) => node switch
    {
        JsonObject o when ((string?)o["type"])?.StartsWith("Action.", StringComparison.Ordinal) == true => [o, .. o["card"].Actions()],
        JsonObject o => o.Where(p => p.Key != "fallback").Select(p => p.Value).SelectMany(Actions),
        JsonArray a => a.SelectMany(Actions),
        _ => [],
    };

    /// <summary>Action.Execute names its verb; the web chat's Action.Submit carries it in its data.</summary>
    public static string? VerbOf(this JsonObject action) => (string?)action["verb"] ?? (string?)action["data"]?["verb"];

    /// <summary>The verbs of a card's buttons.</summary>
    public static IReadOnlyList<string> Verbs(this JsonNode card) => [.. card.Actions().Select(VerbOf).OfType<string>()];

    /// <summary>The button on <paramref name="card"/> with this verb (and, when given, this data value).</summary>
    public static JsonObject Action(this JsonObject card, string verb, string? key = null, int? value = null) =>
        card.Actions().Single(a => a.VerbOf() == verb && (key is null || a["data"]?[key]?.GetValue<int>() == value));

    /// <summary>Every input of a card with its value (what a client sends with an action), including inputs inside show-cards.</summary>
    public static Dictionary<string, string> Inputs(this JsonNode card)
    {
        var inputs = new Dictionary<string, string>();
        void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    if (((string?)o["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true && (string?)o["id"] is { } id)
                        inputs[id] = o["value"] is JsonValue v ? v.ToString() : "";
                    foreach (var (_, child) in o) Walk(child);
                    break;
                case JsonArray a:
                    foreach (var child in a) Walk(child);
                    break;
            }
        }
        Walk(card);
        return inputs;
    }
}
