using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace CcapBot.Cards;

/// <summary>
/// Binds a template from <see cref="CardTemplateStore"/> with a typed data record (Adaptive Card
/// Templating, see <see cref="TemplateEngine"/>), then finishes the card for the channel: Teams gets
/// <c>Action.Execute</c> with an <c>Action.Submit</c> fallback, others <c>Action.Submit</c>; properties bound
/// to null are left out (renderers treat absent and null alike, some warn on null).
/// Values are inserted as JSON values, never spliced into JSON text, so user text cannot break a card.
/// </summary>
public sealed class CardBinder(CardTemplateStore templates)
{
    public JsonElement Bind<T>(string template, T data, JsonTypeInfo<T> dataType, bool universalActions)
    {
        var bound = Expand(template, JsonSerializer.SerializeToNode(data, dataType))
            ?? throw new CardTemplateException($"Card template '{template}' bound to nothing.");
        RemoveNulls(bound);
        CardActions.AdaptForChannel(bound, universalActions);
        return JsonSerializer.SerializeToElement(bound, CardsJsonContext.Default.JsonNode);
    }

    /// <summary>The template expanded with the data, before channel adaptation: what the official templating library produces.</summary>
    internal JsonNode? Expand(string template, JsonNode? data) => TemplateEngine.Expand(templates.Get(template), data);

    private static void RemoveNulls(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Where(p => p.Value is null).Select(p => p.Key).ToList()) obj.Remove(key);
                foreach (var (_, child) in obj) RemoveNulls(child!);
                break;
            case JsonArray array:
                foreach (var child in array.OfType<JsonNode>()) RemoveNulls(child);
                break;
        }
    }
}

[JsonSerializable(typeof(JsonNode))]
internal sealed partial class CardsJsonContext : JsonSerializerContext;
