using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CcapBot.Protocol.Schema;

namespace CcapBot.Tests.Infrastructure;

/// <summary>
/// One user talking to the real bot over HTTP (<c>/api/messages</c>), like core-bot's DialogTestClient: say
/// something or press a card button, get back what the bot sent (through the FakeConnector) and, for Teams
/// invokes, the invoke response. Teams presses buttons with Action.Execute; web chat with Action.Submit.
/// </summary>
public sealed class BotConversation(HttpClient client, FakeConnector connector, string conversationId, string channelId = Channels.MsTeams, string locale = "en-US")
{
    // Calls made before this client existed (e.g. by an earlier host in the same conversation) are not its replies.
    private int _seen = connector.Calls.Count(c => c.Path.Contains(Uri.EscapeDataString(conversationId), StringComparison.Ordinal) && c.Activity?.Type != ActivityTypes.Typing);

    public string ConversationId { get; } = conversationId;
    public string ChannelId { get; } = channelId;
    public string Locale { get; set; } = locale;
    public string UserId { get; set; } = "29:user-1";
    public string UserName { get; set; } = "Nguyen Van A";
    /// <summary>The Teams aadObjectId sent with each activity; "aad-" + <see cref="UserId"/> unless set.</summary>
    public string? AadObjectId { get; set; }
    public string? LocalTimezone { get; set; }

    /// <summary>The last card the bot showed (sent, updated in place, or returned by an invoke).</summary>
    public JsonObject? LastCard { get; private set; }
    public string? LastCardId { get; private set; }

    public async Task<Reply> SayAsync(string text)
    {
        var activity = Base(ActivityBuilder.Message(text)).Build();
        return await PostAsync(activity);
    }

    /// <summary>Presses the button titled <paramref name="title"/> on <paramref name="card"/> (default: the last card), with input values.</summary>
    public async Task<Reply> PressAsync(string title, IDictionary<string, string>? inputs = null, JsonObject? card = null)
    {
        card ??= LastCard ?? throw new InvalidOperationException("No card yet.");
        var action = Actions(card).FirstOrDefault(a => (string?)a["title"] == title)
            ?? throw new InvalidOperationException($"No button '{title}' on the card: {string.Join(", ", Actions(card).Select(a => (string?)a["title"]))}");
        return await PressAsync(action, card, inputs);
    }

    /// <summary>Presses one particular action of <paramref name="card"/> (when several share a title).</summary>
    public async Task<Reply> PressAsync(JsonObject action, JsonObject card, IDictionary<string, string>? inputs = null)
    {
        var data = (action["data"] as JsonObject)?.DeepClone().AsObject() ?? [];
        var auto = (string?)action["associatedInputs"] != "none";
        if (auto) foreach (var (key, value) in inputs ?? new Dictionary<string, string>()) data[key] = value;
        Activity activity;
        if (ChannelId == Channels.MsTeams && (string?)action["type"] == "Action.Execute")
        {
            var value = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = (string?)action["verb"], ["data"] = data }, ["trigger"] = "manual" };
            activity = Base(ActivityBuilder.Execute("x")).Build() with { Value = JsonSerializer.SerializeToElement(value) };
        }
        else
        {
            activity = Base(ActivityBuilder.Submit(new { })).Build() with { Value = JsonSerializer.SerializeToElement(data), ReplyToId = card == LastCard ? LastCardId : "older-card" };
        }
        return await PostAsync(activity);
    }

    public async Task<Reply> PostAsync(Activity activity)
    {
        using var response = await client.PostAsync("/api/messages", new StringContent(JsonSerializer.Serialize(activity, ProtocolJsonContext.Default.Activity), Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        JsonObject? invoke = null;
        if (activity.Type == ActivityTypes.Invoke) invoke = (await response.Content.ReadFromJsonAsync<JsonNode>())?.AsObject();
        var calls = connector.Calls.Where(c => c.Path.Contains(Uri.EscapeDataString(ConversationId), StringComparison.Ordinal) && c.Activity?.Type != ActivityTypes.Typing).ToList();
        var fresh = calls.Skip(_seen).ToList();
        _seen = calls.Count;
        var reply = new Reply(fresh, invoke);
        foreach (var call in fresh)
        {
            if (Card(call.Activity) is { } card)
            {
                LastCard = card;
                LastCardId = call.Method == "PUT" ? call.Path[(call.Path.LastIndexOf('/') + 1)..] : $"sent-card-{_seen}-{fresh.IndexOf(call)}";
            }
        }
        if (invoke?["type"]?.GetValue<string>() == "application/vnd.microsoft.card.adaptive") LastCard = invoke["value"]!.AsObject();
        return reply;
    }

    private ActivityBuilder Base(ActivityBuilder builder) => builder
        .To(connector.ServiceUrl)
        .OnChannel(ChannelId)
        .InConversation(ConversationId)
        .From(UserId, UserName, AadObjectId ?? "aad-" + UserId)
        .WithLocale(Locale)
        .Apply(a => a with { LocalTimezone = LocalTimezone });

    internal static JsonObject? Card(Activity? activity) =>
        activity?.Attachments?.FirstOrDefault(a => a.ContentType == Attachment.AdaptiveCardContentType)?.Content is { } content ? JsonNode.Parse(content.GetRawText())!.AsObject() : null;

    public static IEnumerable<JsonObject> Actions(JsonNode node) => node switch
    {
        JsonObject o when ((string?)o["type"])?.StartsWith("Action.", StringComparison.Ordinal) == true => [o],
        JsonObject o => o.Select(p => p.Value).OfType<JsonNode>().SelectMany(Actions),
        JsonArray a => a.OfType<JsonNode>().SelectMany(Actions),
        _ => [],
    };

    /// <summary>All text on a card (TextBlocks, labels, fact values…), for assertions.</summary>
    public static string Text(JsonNode? node) => node switch
    {
        JsonObject o => string.Join("\n", o.Where(p => p.Key is "text" or "label" or "title" or "value" or "errorMessage" || p.Value is JsonObject or JsonArray).Select(p => Text(p.Value))),
        JsonArray a => string.Join("\n", a.Select(Text)),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => "",
    };
}

/// <summary>What one turn produced: connector calls (sends and in-place updates) and the invoke response.</summary>
public sealed record Reply(IReadOnlyList<ConnectorCall> Calls, JsonObject? Invoke)
{
    public IEnumerable<string> Texts => Calls.Where(c => c.Method == "POST" && !string.IsNullOrEmpty(c.Activity?.Text)).Select(c => c.Activity!.Text!);
    public IEnumerable<JsonObject> Cards => Calls.Where(c => c.Method == "POST").Select(c => BotConversation.Card(c.Activity)).OfType<JsonObject>();
    public IEnumerable<JsonObject> Updates => Calls.Where(c => c.Method == "PUT").Select(c => BotConversation.Card(c.Activity)).OfType<JsonObject>();
    public JsonObject? InvokeCard => Invoke?["type"]?.GetValue<string>() == "application/vnd.microsoft.card.adaptive" ? Invoke["value"]!.AsObject() : null;

    /// <summary>Everything the user sees from this turn, as text.</summary>
    public string All => string.Join("\n", Texts.Concat(Cards.Concat(Updates).Select(c => BotConversation.Text(c))).Append(InvokeCard is { } card ? BotConversation.Text(card) : "")
        .Append(Invoke?["type"]?.GetValue<string>() == "application/vnd.microsoft.activity.message" ? Invoke["value"]!.GetValue<string>() : ""));
}
