using System.Text.Json;
using CcapBot.Protocol.Schema;

namespace CcapBot.Conversations;

/// <summary>
/// The two shapes of a card button press. Action.Execute (Teams) arrives as invoke
/// <c>adaptiveCard/action</c> with <c>value.action.{verb,data}</c> and is answered in the HTTP
/// response as <c>{statusCode,type,value}</c>; Action.Submit arrives as a message whose <c>value</c> is
/// the action data merged with the inputs, the verb under <see cref="VerbKey"/>.
/// </summary>
public static class CardInvoke
{
    public const string AdaptiveCardAction = "adaptiveCard/action";
    public const string VerbKey = "verb";
    public const string CardContentType = "application/vnd.microsoft.card.adaptive";
    public const string MessageContentType = "application/vnd.microsoft.activity.message";
    public const string ErrorContentType = "application/vnd.microsoft.error";

    public static (string? Verb, JsonElement? Data) ReadExecute(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } v || !v.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.Object)
            return (null, null);
        var verb = action.TryGetProperty("verb", out var verbElement) && verbElement.ValueKind == JsonValueKind.String ? verbElement.GetString() : null;
        JsonElement? data = action.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : null;
        // The Action.Submit fallback data carries the verb too; either place is fine.
        verb ??= data is { } dd && dd.TryGetProperty(VerbKey, out var dv) && dv.ValueKind == JsonValueKind.String ? dv.GetString() : null;
        return (verb, data);
    }

    public static (string? Verb, JsonElement? Data) ReadSubmit(JsonElement value) =>
        (value.TryGetProperty(VerbKey, out var verb) && verb.ValueKind == JsonValueKind.String ? verb.GetString() : null, value);

    /// <summary>Replace the card for the user who pressed the button.</summary>
    public static InvokeResponse Card(JsonElement card) => Respond(200, CardContentType, card);

    /// <summary>Show a short message instead of changing the card.</summary>
    public static InvokeResponse Message(string text) => Respond(200, MessageContentType, JsonSerializer.SerializeToElement(text, ConversationsJsonContext.Default.String));

    public static InvokeResponse Error(int status, string code, string message) =>
        Respond(status, ErrorContentType, JsonSerializer.SerializeToElement(new InvokeError(code, message), ConversationsJsonContext.Default.InvokeError));

    private static InvokeResponse Respond(int statusCode, string type, JsonElement value) =>
        // The HTTP status is 200 even for errors: the outcome lives in the body's statusCode.
        new(200, JsonSerializer.SerializeToElement(new InvokeBody(statusCode, type, value), ConversationsJsonContext.Default.InvokeBody));
}

public sealed record InvokeBody(int StatusCode, string Type, JsonElement Value);

public sealed record InvokeError(string Code, string Message);
