using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace CcapBot.Cards;

/// <summary>
/// Binds a template from <see cref="CardTemplateStore"/> with a typed data record (Adaptive Card
/// Templating: <c>${path}</c>, <c>$data</c>, <c>$when</c>), then adapts actions to the channel:
/// Teams gets <c>Action.Execute</c> with an <c>Action.Submit</c> fallback, others <c>Action.Submit</c>.
/// Values are inserted as JSON values, never spliced into JSON text, so user text cannot break a card.
/// </summary>
public sealed class CardBinder(CardTemplateStore templates)
{
    public JsonElement Bind<T>(string template, T data, JsonTypeInfo<T> dataType, bool universalActions)
    {
        var root = JsonSerializer.SerializeToNode(data, dataType);
        var bound = TemplateEngine.Expand(templates.Get(template), root) ?? throw new InvalidOperationException($"Template {template} bound to nothing.");
        CardActions.AdaptForChannel(bound, universalActions);
        return JsonSerializer.SerializeToElement(bound, CardsJsonContext.Default.JsonNode);
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(JsonNode))]
internal sealed partial class CardsJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
