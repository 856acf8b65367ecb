using System.Text.Json.Nodes;

namespace CcapBot.Cards;

/// <summary>
/// Card action plumbing shared by templates and handlers. Templates write <c>Action.Execute</c> with a
/// <c>verb</c>; the verb is also copied into <c>data.verb</c> so the Action.Submit path carries it.
/// </summary>
public static class CardActions
{
    public const string VerbKey = "verb";

    internal static void AdaptForChannel(JsonNode card, bool universalActions)
    {
        // A card's refresh (Universal Actions: Teams re-asks the bot for the viewer's version) takes only
        // Action.Execute, so channels without Execute get the card without it.
        if (!universalActions && card is JsonObject root && root.ContainsKey("refresh")) root.Remove("refresh");
        switch (card)
        {
            case JsonObject obj:
                if ((string?)obj["type"] == "Action.Execute") Adapt(obj, universalActions);
                foreach (var (_, child) in obj.ToList())
                {
                    if (child is not null) AdaptForChannel(child, universalActions);
                }
                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    if (child is not null) AdaptForChannel(child, universalActions);
                }
                break;
        }
    }

    private static void Adapt(JsonObject action, bool universalActions)
    {
        var verb = (string?)action["verb"];
        var data = action["data"] as JsonObject ?? new JsonObject();
        data[VerbKey] = verb;
        action["data"] = data;
        if (universalActions)
        {
            // Older Teams clients that cannot Execute still submit, with the same data.
            var fallback = new JsonObject { ["type"] = "Action.Submit", ["title"] = action["title"]?.DeepClone(), ["data"] = data.DeepClone() };
            if (action["associatedInputs"] is { } inputs) fallback["associatedInputs"] = inputs.DeepClone();
            action["fallback"] = fallback;
            return;
        }
        action["type"] = "Action.Submit";
        action.Remove("verb");
        action.Remove("fallback");
    }
}
