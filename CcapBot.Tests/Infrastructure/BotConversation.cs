using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CcapBot.Protocol.Schema;

namespace CcapBot.Tests.Infrastructure;

/// <summary>
/// One person talking to the real bot over HTTP (<c>/api/messages</c>), like core-bot's DialogTestClient: say
/// something, press a card button, submit card data or invoke, and get back what the bot sent (through the
/// FakeConnector) and, for Teams invokes, the invoke response. Teams presses buttons with Action.Execute; web chat
/// with Action.Submit. What the outbox sends this person later is read with <see cref="WaitForAsync"/>.
/// </summary>
public sealed class BotConversation(HttpClient client, FakeConnector connector, Person person, string locale = "en-US")
{
    /// <summary>The default person ("29:user-1") in <paramref name="conversationId"/>.</summary>
    public BotConversation(HttpClient client, FakeConnector connector, string conversationId, string channelId = Channels.MsTeams, string locale = "en-US")
        : this(client, connector, new Person("29:user-1", conversationId) { ChannelId = channelId }, locale)
    {
    }

    // Calls made before this client existed (e.g. by an earlier host in the same conversation) are not its replies.
    private int _seen = CallsInto(connector, person.ConversationId).Count;

    public Person Person { get; } = person;
    public string ConversationId => Person.ConversationId;
    public string ChannelId => Person.ChannelId;
    public string UserId => Person.UserId;
    public string UserName => Person.Name;
    /// <summary>The Teams aadObjectId sent with each activity; "aad-" + <see cref="UserId"/> unless the person has one.</summary>
    public string AadObjectId => Person.AadObjectId ?? "aad-" + UserId;
    public string Locale { get; set; } = locale;
    /// <summary>The time zone the client reports (Teams' localTimezone), if any.</summary>
    public string? LocalTimezone { get; set; }

    /// <summary>The last card the bot showed (sent, updated in place, or returned by an invoke).</summary>
    public JsonObject? LastCard { get; private set; }
    public string? LastCardId { get; private set; }

    /// <summary>Every connector call into this conversation so far (sends and in-place updates; typing left out).</summary>
    public IReadOnlyList<ConnectorCall> Received => CallsInto(connector, ConversationId);

    public async Task<Reply> SayAsync(string text) => await PostAsync(ActivityBuilder.Message(text));

    /// <summary>What a web chat client posts for an Action.Submit: a message whose value is the data.</summary>
    public async Task<Reply> SubmitAsync(object data, string? replyToId = null) =>
        await PostAsync(ActivityBuilder.Submit(data).Apply(a => a with { ReplyToId = replyToId }));

    /// <summary>What Teams posts for an Action.Execute: an adaptiveCard/action invoke.</summary>
    public async Task<Reply> InvokeAsync(string verb, object? data = null) => await PostAsync(ActivityBuilder.Execute(verb, data));

    /// <summary>Presses the button titled <paramref name="title"/> on <paramref name="card"/> (default: the last card), with input values.</summary>
    public async Task<Reply> PressAsync(string title, IDictionary<string, string>? inputs = null, JsonObject? card = null)
    {
        card ??= LastCard ?? throw new InvalidOperationException("No card yet.");
        var action = card.Actions().FirstOrDefault(a => (string?)a["title"] == title)
            ?? throw new InvalidOperationException($"No button '{title}' on the card: {string.Join(", ", card.Actions().Select(a => (string?)a["title"]))}");
        return await PressAsync(action, card, inputs);
    }

    /// <summary>Presses one particular action of <paramref name="card"/> (when several share a title).</summary>
    public async Task<Reply> PressAsync(JsonObject action, JsonObject card, IDictionary<string, string>? inputs = null)
    {
        var data = (action["data"] as JsonObject)?.DeepClone().AsObject() ?? [];
        var auto = (string?)action["associatedInputs"] != "none";
        if (auto) foreach (var (key, value) in inputs ?? new Dictionary<string, string>()) data[key] = value;
        if (ChannelId == Channels.MsTeams && (string?)action["type"] == "Action.Execute")
        {
            var value = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = (string?)action["verb"], ["data"] = data }, ["trigger"] = "manual" };
            return await PostAsync(ActivityBuilder.Execute("x").Apply(a => a with { Value = JsonSerializer.SerializeToElement(value) }));
        }
        return await PostAsync(ActivityBuilder.Submit(new { }).Apply(a => a with { Value = JsonSerializer.SerializeToElement(data), ReplyToId = card == LastCard ? LastCardId : "older-card" }));
    }

    /// <summary>Posts an activity from this person in this conversation (the builder's shape, this person's identity).</summary>
    public async Task<Reply> PostAsync(ActivityBuilder builder) => await PostAsync(builder
        .To(connector.ServiceUrl)
        .OnChannel(ChannelId)
        .InConversation(ConversationId, Person.ConversationType)
        .From(UserId, UserName, AadObjectId)
        .WithLocale(Locale)
        .Apply(a => a with { LocalTimezone = LocalTimezone })
        .Build());

    /// <summary>Posts exactly this activity (e.g. one forged in someone else's name).</summary>
    public async Task<Reply> PostAsync(Activity activity)
    {
        using var response = await client.PostAsync("/api/messages", new StringContent(JsonSerializer.Serialize(activity, ProtocolJsonContext.Default.Activity), Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        JsonObject? invoke = null;
        if (activity.Type == ActivityTypes.Invoke) invoke = (await response.Content.ReadFromJsonAsync<JsonNode>())?.AsObject();
        var calls = Received;
        var fresh = calls.Skip(_seen).ToList();
        _seen = calls.Count;
        var reply = new Reply(fresh, invoke);
        foreach (var call in fresh)
        {
            if (call.Activity.Card() is { } card)
            {
                LastCard = card;
                LastCardId = call.Method == "PUT" ? call.Path[(call.Path.LastIndexOf('/') + 1)..] : $"sent-card-{_seen}-{fresh.IndexOf(call)}";
            }
        }
        if (reply.InvokeCard is { } invoked) LastCard = invoked;
        return reply;
    }

    /// <summary>
    /// Waits until <paramref name="count"/> messages matching <paramref name="filter"/> were sent (POST) or updated (PUT)
    /// into this conversation, e.g. by the outbox after the turn that caused them. What arrived until then is no
    /// longer counted as a reply to this person's next turn.
    /// </summary>
    public async Task<IReadOnlyList<ConnectorCall>> WaitForAsync(int count, string method = "POST", Func<ConnectorCall, bool>? filter = null)
    {
        var calls = await connector.WaitForAsync(count, c => c.Method == method && c.Path.Contains(Uri.EscapeDataString(ConversationId), StringComparison.Ordinal)
            && c.Activity?.Type == ActivityTypes.Message && (filter?.Invoke(c) ?? true), TimeSpan.FromSeconds(20));
        _seen = Math.Max(_seen, Received.Count);
        return calls;
    }

    /// <summary>The latest card sent into this conversation containing <paramref name="text"/>, once <paramref name="count"/> such arrived.</summary>
    public async Task<JsonObject> WaitForCardAsync(string text, int count = 1) => (await WaitForAsync(count, filter: c => c.HasCardWith(text)))[^1].Card();

    private static List<ConnectorCall> CallsInto(FakeConnector connector, string conversationId) =>
        [.. connector.Calls.Where(c => c.Path.Contains(Uri.EscapeDataString(conversationId), StringComparison.Ordinal) && c.Activity?.Type != ActivityTypes.Typing)];
}

/// <summary>What one turn produced: connector calls (sends and in-place updates) and the invoke response.</summary>
public sealed record Reply(IReadOnlyList<ConnectorCall> Calls, JsonObject? Invoke)
{
    public IEnumerable<string> Texts => Calls.Where(c => c.Method == "POST" && !string.IsNullOrEmpty(c.Activity?.Text)).Select(c => c.Activity!.Text!);
    public IEnumerable<JsonObject> Cards => Calls.Where(c => c.Method == "POST").Select(c => c.Activity.Card()).OfType<JsonObject>();
    public IEnumerable<JsonObject> Updates => Calls.Where(c => c.Method == "PUT").Select(c => c.Activity.Card()).OfType<JsonObject>();
    public JsonObject? InvokeCard => Invoke?["type"]?.GetValue<string>() == "application/vnd.microsoft.card.adaptive" ? Invoke["value"]!.AsObject() : null;

    /// <summary>Everything the user sees from this turn, as text.</summary>
    public string All => string.Join("\n", Texts.Concat(Cards.Concat(Updates).Select(c => c.Text())).Append(InvokeCard.Text()).Append(Message ?? ""));

    /// <summary>The message an invoke answered with (Teams shows it under the card, which stays as it was).</summary>
    public string? Message => Invoke?["type"]?.GetValue<string>() == "application/vnd.microsoft.activity.message" ? Invoke["value"]!.GetValue<string>() : null;
}
