using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CcapBot.Protocol.DirectLine;
using CcapBot.Protocol.Schema;
using CcapBot.Tests.Protocol.DirectLine;

namespace CcapBot.Tests.Infrastructure;

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
        var action = card.Actions().FirstOrDefault(a => (string?)a["title"] == title)
            ?? throw new InvalidOperationException($"No button '{title}' on the card: {string.Join(", ", card.Actions().Select(a => (string?)a["title"]))}");
        return await PressActionAsync(action, null, inputs);
    }

    /// <summary>Presses one particular action; with <paramref name="cardId"/>, naming the card it is on (as Web Chat does).</summary>
    public async Task<IReadOnlyList<Activity>> PressActionAsync(JsonObject action, string? cardId, IDictionary<string, string>? inputs = null)
    {
        Assert.Equal("Action.Submit", (string?)action["type"]); // web chat cards carry Action.Submit only
        var value = (action["data"] as JsonObject)?.DeepClone().AsObject() ?? [];
        if ((string?)action["associatedInputs"] != "none") foreach (var (key, v) in inputs ?? new Dictionary<string, string>()) value[key] = v;
        await PostAsync(new { type = "message", locale, from = new { id = UserId }, replyToId = cardId, value, channelData = new { clientActivityID = Guid.NewGuid().ToString() } });
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

    public static string Describe(Activity a) => a.Text ?? (a.Card() is { } card ? "[card] " + card.Text()[..Math.Min(200, card.Text().Length)] : a.Type ?? "");

    private async Task PostAsync(object activity)
    {
        using var response = await driver.PostActivityAsync(session.Token, ConversationId, activity);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The bot's activities that arrived since the last look (an updated card comes again, under its id).</summary>
    public async Task<IReadOnlyList<Activity>> NewAsync()
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
    public static string AllText(this IEnumerable<Activity> activities) => string.Join("\n", activities.Select(a => a.Text ?? a.Card().Text()));

    public static JsonObject LastCard(this IEnumerable<Activity> activities) =>
        activities.Select(a => a.Card()).OfType<JsonObject>().LastOrDefault() ?? throw new InvalidOperationException("No card among: " + string.Join(" | ", activities.Select(WebChatUser.Describe)));
}
