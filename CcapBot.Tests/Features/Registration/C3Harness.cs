using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CcapBot.Protocol.DirectLine;
using CcapBot.Protocol.Schema;
using CcapBot.Tests.Infrastructure;
using CcapBot.Tests.Protocol.DirectLine;

namespace CcapBot.Tests.Features.Registration;

/// <summary>People of the C3 journeys, as Teams identities (aadObjectIds are GUIDs, as Teams sends them).</summary>
internal static class People
{
    public const string CoordinatorAad = "6a0f9d2e-0c1b-4f7a-9c3d-2b1e0f9a8c70";
    public const string CoordinatorId = "29:coordinator-lan";
    public const string SecondCoordinatorAad = "b7e2c1d0-5a4f-4e3b-8c2d-1f0e9d8c7b6a";
    public const string SecondCoordinatorId = "29:coordinator-minh";
    public const string KitakyushuAad = "c3d4e5f6-a7b8-4c9d-8e0f-112233445566";
    public const string KitakyushuId = "29:kitakyushu-sato";
    public const string OutsiderAad = "d4e5f6a7-b8c9-4d0e-9f10-223344556677";
    public const string OutsiderId = "29:outsider";

    /// <summary>A Teams 1:1 chat of one person with the bot, anonymous (no app id configured).</summary>
    public static BotConversation Teams(CcapBotFactory bot, FakeConnector connector, string userId, string aad, string name, string locale = "en-US", string? zone = null) =>
        Teams(bot.CreateClient(), connector, userId, aad, name, locale, zone);

    public static BotConversation Teams(HttpClient client, FakeConnector connector, string userId, string aad, string name, string locale = "en-US", string? zone = null) =>
        new(client, connector, "a:" + userId, Channels.MsTeams, locale) { UserId = userId, AadObjectId = aad, UserName = name, LocalTimezone = zone };

    /// <summary>What the outbox sent (POST) or updated (PUT) into a Teams conversation, once that many arrived.</summary>
    public static async Task<IReadOnlyList<ConnectorCall>> OutboxCallsAsync(FakeConnector connector, BotConversation chat, int count, string method = "POST", Func<ConnectorCall, bool>? filter = null) =>
        await connector.WaitForAsync(count, c => c.Method == method && c.Path.Contains(Uri.EscapeDataString(chat.ConversationId), StringComparison.Ordinal)
            && c.Activity?.Type == ActivityTypes.Message && (filter?.Invoke(c) ?? true), TimeSpan.FromSeconds(20));

    /// <summary>
    /// Registers a new city by chat in English (the shortest way through the form) and confirms; answers the reply
    /// to the confirmation.
    /// </summary>
    public static async Task<Reply> RegisterAsync(BotConversation chat, string country, string city, string email, string agency = "Department of Environment")
    {
        await chat.SayAsync("register");
        await chat.SayAsync(country);
        await chat.SayAsync(city);
        await chat.SayAsync("skip"); // region
        await chat.SayAsync("Asia/Ho_Chi_Minh");
        await chat.SayAsync("skip"); // population
        await chat.SayAsync(agency);
        await chat.SayAsync(chat.UserName);
        await chat.SayAsync("Head of Air Quality");
        await chat.SayAsync(email);
        await chat.SayAsync("skip"); // phone
        await chat.SayAsync("skip"); // alternate contact
        await chat.SayAsync("English");
        await chat.SayAsync("Learning city");
        await chat.SayAsync("skip"); // AQM capacity
        var summary = await chat.SayAsync("yes");
        Assert.Contains("Please check your answers.", summary.All, StringComparison.Ordinal);
        return await chat.PressAsync("Confirm", card: summary.Cards.Last());
    }

    /// <summary>A learning request by chat in English on emissions inventory, confirmed.</summary>
    public static async Task<Reply> ApplyAsync(BotConversation chat)
    {
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(1);
        await chat.SayAsync("apply");
        await chat.SayAsync("Learning request");
        await chat.SayAsync("Developing an emissions inventory");
        await chat.SayAsync("1");
        await chat.SayAsync("skip");
        await chat.SayAsync(start.ToString("MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await chat.SayAsync(start.AddMonths(6).ToString("MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await chat.SayAsync("email");
        await chat.SayAsync("data");
        await chat.SayAsync("skip");
        var summary = await chat.SayAsync("skip");
        Assert.Contains("Please check your answers.", summary.All, StringComparison.Ordinal);
        return await chat.PressAsync("Confirm", card: summary.Cards.Last());
    }

    /// <summary>The latest card the outbox sent into <paramref name="chat"/> containing <paramref name="text"/>.</summary>
    public static async Task<JsonObject> OutboxCardAsync(FakeConnector connector, BotConversation chat, string text, int count = 1) =>
        CardOf((await OutboxCallsAsync(connector, chat, count, filter: c => CardWith(c, text)))[^1]);

    /// <summary>The call carries a card whose text contains <paramref name="text"/>.</summary>
    public static bool CardWith(ConnectorCall call, string text) =>
        BotConversation.Card(call.Activity) is { } card && BotConversation.Text(card).Contains(text, StringComparison.Ordinal);

    public static JsonObject CardOf(ConnectorCall call) => BotConversation.Card(call.Activity) ?? throw new InvalidOperationException("No card in " + call.Body);

    public static string Text(JsonNode? card) => BotConversation.Text(card);

    /// <summary>The verbs of a card's actions (Action.Execute verbs, or data.verb of Action.Submit).</summary>
    public static IReadOnlyList<string> Verbs(JsonNode card) =>
        [.. BotConversation.Actions(card).Select(a => (string?)a["verb"] ?? (string?)a["data"]?["verb"]).OfType<string>()];
}

/// <summary>
/// A web chat user on the local Direct Line, at the wire level: a session from the page's endpoint, then posts and
/// polls on <c>/v3/directline</c>, as the Web Chat client does. Card buttons are pressed as Web Chat does with
/// Action.Submit: a message whose value is the action's data merged with the card's inputs.
/// </summary>
internal sealed class WebChatUser(DirectLineDriver driver, WebChatSession session, string locale) : IDisposable
{
    private readonly List<Activity> _seen = [];
    private string? _watermark;

    public string UserId => session.UserId;
    public string ConversationId => session.ConversationId;

    public static async Task<WebChatUser> StartAsync(Uri baseAddress, string locale, string? userId = null)
    {
        var driver = new DirectLineDriver(baseAddress);
        using var response = await driver.Http.PostAsync("api/webchat/session", DirectLineDriver.Json(new { userId = userId ?? DirectLineDriver.NewUserId(), locale }), TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var session = (await response.Content.ReadFromJsonAsync(DirectLineJsonContext.Default.WebChatSession, TestContext.Current.CancellationToken))!;
        var (status, _) = await driver.StartAsync(session.Token, new { user = new { id = session.UserId }, locale });
        Assert.Equal(System.Net.HttpStatusCode.Created, status);
        return new WebChatUser(driver, session, locale);
    }

    /// <summary>Says something; answers the bot's activities that arrived since the last call (the turn is done when the post returns).</summary>
    public async Task<IReadOnlyList<Activity>> SayAsync(string text)
    {
        await PostAsync(new { type = "message", text, locale, from = new { id = UserId }, channelData = new { clientActivityID = Guid.NewGuid().ToString() } });
        return await NewAsync();
    }

    /// <summary>Presses the button titled <paramref name="title"/> on <paramref name="card"/>, with input values.</summary>
    public async Task<IReadOnlyList<Activity>> PressAsync(JsonObject card, string title, IDictionary<string, string>? inputs = null)
    {
        var action = BotConversation.Actions(card).FirstOrDefault(a => (string?)a["title"] == title)
            ?? throw new InvalidOperationException($"No button '{title}' on the card: {string.Join(", ", BotConversation.Actions(card).Select(a => (string?)a["title"]))}");
        Assert.Equal("Action.Submit", (string?)action["type"]); // web chat cards carry Action.Submit only
        var value = (action["data"] as JsonObject)?.DeepClone().AsObject() ?? [];
        if ((string?)action["associatedInputs"] != "none") foreach (var (key, v) in inputs ?? new Dictionary<string, string>()) value[key] = v;
        await PostAsync(new { type = "message", locale, from = new { id = UserId }, value, channelData = new { clientActivityID = Guid.NewGuid().ToString() } });
        return await NewAsync();
    }

    /// <summary>Waits for a bot activity (e.g. a proactive one from the outbox) that matches.</summary>
    public async Task<Activity> WaitForAsync(Func<Activity, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            if (_seen.FirstOrDefault(match) is { } found) return found;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("No matching activity; got: " + string.Join(" | ", _seen.Select(Describe)));
            await NewAsync();
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Every bot activity seen so far (an updated card appears again, under its id, with the new content).</summary>
    public IReadOnlyList<Activity> Seen => _seen;

    public static JsonObject? Card(Activity activity) => BotConversation.Card(activity);

    public static string Describe(Activity a) => a.Text ?? (Card(a) is { } card ? "[card] " + BotConversation.Text(card)[..Math.Min(200, BotConversation.Text(card).Length)] : a.Type ?? "");

    private async Task PostAsync(object activity)
    {
        using var response = await driver.PostActivityAsync(session.Token, ConversationId, activity);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<IReadOnlyList<Activity>> NewAsync()
    {
        var fresh = new List<Activity>();
        while (true)
        {
            var page = await driver.GetActivitiesAsync(session.Token, ConversationId, _watermark);
            if (page.Activities.Count == 0) break;
            _watermark = page.Watermark;
            fresh.AddRange(page.Activities.Where(a => a.From?.Id != UserId));
        }
        _seen.AddRange(fresh);
        return fresh;
    }

    public void Dispose() => driver.Dispose();
}

internal static class ActivityListExtensions
{
    public static string AllText(this IEnumerable<Activity> activities) => string.Join("\n", activities.Select(a => a.Text ?? (WebChatUser.Card(a) is { } c ? BotConversation.Text(c) : "")));

    public static JsonObject LastCard(this IEnumerable<Activity> activities) =>
        activities.Select(WebChatUser.Card).OfType<JsonObject>().LastOrDefault() ?? throw new InvalidOperationException("No card among: " + string.Join(" | ", activities.Select(WebChatUser.Describe)));
}
