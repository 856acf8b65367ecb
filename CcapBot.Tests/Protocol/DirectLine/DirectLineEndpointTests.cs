using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using CcapBot.Protocol.Connector;
using CcapBot.Protocol.DirectLine;
using CcapBot.Protocol.Schema;
using CcapBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CcapBot.Tests.Protocol.DirectLine;

/// <summary>One app on real Kestrel for the class: the bot's replies come back over real HTTP to it.</summary>
public sealed class DirectLineAppFixture : IAsyncLifetime
{
    public CcapBotFactory App { get; } = new CcapBotFactory().With("DirectLine:PageSize", "2").WithKestrel();

    public ValueTask InitializeAsync()
    {
        _ = App.BaseAddress; // starts the server
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}

public sealed class DirectLineEndpointTests(DirectLineAppFixture fixture) : IClassFixture<DirectLineAppFixture>, IDisposable
{
    private readonly DirectLineDriver _client = new(fixture.App.BaseAddress);
    private CcapBotFactory App => fixture.App;

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Start_Returns201AndStreamUrl_ThenWelcomeInHistory_AndSecondStartIs200()
    {
        var session = await _client.SessionAsync();
        Assert.False(session.Resume);

        var (first, conversation) = await _client.StartAsync(session.Token);
        var (second, _) = await _client.StartAsync(session.Token);

        Assert.Equal(HttpStatusCode.Created, first);
        Assert.Equal(HttpStatusCode.OK, second);
        Assert.Equal(session.ConversationId, conversation!.ConversationId);
        Assert.Equal(1800, conversation.ExpiresIn);
        Assert.StartsWith($"ws://{App.BaseAddress.Authority}/v3/directline/conversations/{session.ConversationId}/stream?watermark=0&t=", conversation.StreamUrl, StringComparison.Ordinal);
        var history = await _client.HistoryAsync(session);
        var welcome = Assert.Single(history);
        Assert.True(welcome.IsWelcome());
        Assert.Equal("ccapbot", welcome.From!.Id);
        Assert.Equal(session.UserId, welcome.Recipient!.Id);
        Assert.DoesNotContain(history, a => a.Type == ActivityTypes.ConversationUpdate); // never delivered to clients
        Assert.True((await _client.SessionAsync(session.UserId)).Resume); // a reload resumes it
    }

    [Fact]
    public async Task PostedMessage_IsEchoedWithIdAndClientActivityId_ThenAnsweredByTheBot()
    {
        var session = await _client.StartedSessionAsync();

        var id = await _client.SayAsync(session, "hi", clientActivityId: "client-42");

        var history = await _client.HistoryAsync(session);
        var echo = Assert.Single(history, a => a.Id == id);
        Assert.Equal("client-42", echo.ClientActivityId());
        Assert.Equal("hi", echo.Text);
        Assert.Equal(session.UserId, echo.From!.Id);
        Assert.Equal("user", echo.From.Role);
        Assert.Equal(Channels.WebChat, echo.ChannelId);
        Assert.NotNull(echo.Timestamp);
        var reply = Assert.Single(history, a => a.ReplyToId == id);
        Assert.Equal("ccapbot", reply.From!.Id);
        Assert.False(string.IsNullOrEmpty(reply.Text));
        // The turn pipeline saw a webchat turn whose serviceUrl is this service.
        var member = await App.QueryAsync(db => db.ConversationMembers.SingleAsync(m => m.ConversationId == session.ConversationId));
        Assert.Equal(Channels.WebChat, member.ChannelId);
        Assert.Equal(App.BaseAddress.AbsoluteUri, member.ServiceUrl);
    }

    [Fact]
    public async Task WithTokenOfAnotherUser_SenderIsTheTokensUser()
    {
        var session = await _client.StartedSessionAsync();

        using var response = await _client.PostActivityAsync(session.Token, session.ConversationId, new { type = "message", text = "spoof", from = new { id = "dl_someone-else" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echo = Assert.Single(await _client.HistoryAsync(session), a => a.Text == "spoof");
        Assert.Equal(session.UserId, echo.From!.Id);
    }

    public static TheoryData<string, string, string, HttpStatusCode> MalformedPosts => new()
    {
        { "not json", "{\"type\":", "application/json", HttpStatusCode.BadRequest },
        { "no type", "{\"text\":\"hi\"}", "application/json", HttpStatusCode.BadRequest },
        { "an array", "[]", "application/json", HttpStatusCode.BadRequest },
        { "form post", "type=message&text=hi", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType },
        { "plain text", "hi", "text/plain", HttpStatusCode.UnsupportedMediaType },
        { "over 256 KB", "{\"type\":\"message\",\"text\":\"" + new string('x', 257 * 1024) + "\"}", "application/json", HttpStatusCode.RequestEntityTooLarge },
    };

    [Theory]
    [MemberData(nameof(MalformedPosts))]
    public async Task RefusedPost_StoresNothing(string what, string body, string contentType, HttpStatusCode expected)
    {
        var session = await _client.StartedSessionAsync();
        var before = await CountsAsync();

        using var response = await _client.SendAsync(HttpMethod.Post, $"v3/directline/conversations/{session.ConversationId}/activities", session.Token,
            new StringContent(body, Encoding.UTF8, contentType));

        Assert.True(expected == response.StatusCode, $"{what}: {response.StatusCode}");
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task UnknownConversation_Is404_AndAnswersNothing()
    {
        var session = await _client.StartedSessionAsync();
        var before = await CountsAsync();

        // A token is bound to its conversation (403 elsewhere), so reach an unknown one through a token for it.
        var tokens = App.Services.GetRequiredService<DirectLineTokens>();
        var ghost = tokens.Issue("no-such-conversation", session.UserId, null);
        using var post = await _client.PostActivityAsync(ghost, "no-such-conversation", new { type = "message", text = "hi" });
        using var get = await _client.SendAsync(HttpMethod.Get, "v3/directline/conversations/no-such-conversation/activities", ghost);
        using var reconnect = await _client.SendAsync(HttpMethod.Get, "v3/directline/conversations/no-such-conversation", ghost);

        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, reconnect.StatusCode);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task MissingOrForgedToken_Is401_AndStoresNothing()
    {
        var session = await _client.StartedSessionAsync();
        var before = await CountsAsync();
        var forged = session.Token[..^4] + (session.Token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");

        using var none = await _client.SendAsync(HttpMethod.Post, $"v3/directline/conversations/{session.ConversationId}/activities", null, DirectLineDriver.Json(new { type = "message", text = "hi" }));
        using var bad = await _client.PostActivityAsync(forged, session.ConversationId, new { type = "message", text = "hi" });
        using var start = await _client.SendAsync(HttpMethod.Post, "v3/directline/conversations", "not-a-token", DirectLineDriver.Json(new { }));

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, start.StatusCode);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task TokenForConversationA_CannotReadOrWriteConversationB()
    {
        var a = await _client.StartedSessionAsync();
        var b = await _client.StartedSessionAsync();
        await _client.SayAsync(b, "secret plans");
        var before = await CountsAsync();

        using var read = await _client.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{b.ConversationId}/activities", a.Token);
        using var write = await _client.PostActivityAsync(a.Token, b.ConversationId, new { type = "message", text = "intrusion" });
        using var reconnect = await _client.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{b.ConversationId}", a.Token);
        var streamUrl = DirectLineEndpoints.StreamUrl(App.BaseAddress.AbsoluteUri, b.ConversationId, 0, a.Token);
        using var socket = new ClientWebSocket();
        var stream = await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(new Uri(streamUrl), TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.DoesNotContain("secret plans", await read.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reconnect.StatusCode);
        Assert.Contains("403", stream.Message, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Watermark_PagesThroughTheHistory_InOrder_WithoutGapsOrRepeats()
    {
        var session = await _client.StartedSessionAsync();
        await _client.SayAsync(session, "one");
        await _client.SayAsync(session, "two");
        await _client.SayAsync(session, "three"); // welcome + 3 × (echo + reply) = 7, PageSize 2

        var pages = new List<ActivitySet>();
        string? watermark = null;
        for (var i = 0; i < 10; i++)
        {
            var page = await _client.GetActivitiesAsync(session.Token, session.ConversationId, watermark);
            pages.Add(page);
            if (page.Activities.Count == 0) break;
            Assert.True(watermark is null || long.Parse(page.Watermark!, System.Globalization.CultureInfo.InvariantCulture) > long.Parse(watermark, System.Globalization.CultureInfo.InvariantCulture));
            watermark = page.Watermark;
        }

        Assert.Equal([2, 2, 2, 1, 0], pages.Select(p => p.Activities.Count));
        Assert.Equal(watermark, pages[^1].Watermark); // an empty page keeps the watermark
        var texts = pages.SelectMany(p => p.Activities).Where(a => a.From!.Role == "user").Select(a => a.Text);
        Assert.Equal(["one", "two", "three"], texts);
        var stored = await App.QueryAsync(db => db.DirectLineActivities.CountAsync(a => a.ConversationId == session.ConversationId));
        Assert.Equal(7, pages.Sum(p => p.Activities.Count));
        Assert.Equal(7, stored);
    }

    [Fact]
    public async Task BadWatermark_Is400()
    {
        var session = await _client.StartedSessionAsync();

        using var response = await _client.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{session.ConversationId}/activities?watermark=abc", session.Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Reconnect_GivesNewStreamUrl_ThatReplaysAfterTheWatermark()
    {
        var session = await _client.StartedSessionAsync();
        var (_, started) = await _client.StartAsync(session.Token);
        await _client.SayAsync(session, "before the drop");
        var seen = await _client.GetActivitiesAsync(session.Token, session.ConversationId); // welcome + echo (PageSize 2)

        using var response = await _client.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{session.ConversationId}?watermark={seen.Watermark}", session.Token);
        var reconnected = (await response.Content.ReadFromJsonAsync(DirectLineJsonContext.Default.DirectLineConversation, TestContext.Current.CancellationToken))!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(session.ConversationId, reconnected.ConversationId);
        Assert.NotEqual(started!.StreamUrl, reconnected.StreamUrl);
        Assert.Contains($"/stream?watermark={seen.Watermark}&t=", reconnected.StreamUrl, StringComparison.Ordinal);
        using var socket = await DirectLineDriver.ConnectAsync(reconnected.StreamUrl!);
        var replayed = await DirectLineDriver.ReceiveUntilAsync(socket, r => r.Count >= 1);
        var reply = Assert.Single(replayed); // only the bot's answer came after the watermark
        Assert.Equal(seen.Activities[1].Id, reply.ReplyToId);
    }

    [Fact]
    public async Task ReconnectWithoutWatermark_StreamsOnlyWhatComesNext()
    {
        var session = await _client.StartedSessionAsync();
        using var response = await _client.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{session.ConversationId}", session.Token);
        var reconnected = (await response.Content.ReadFromJsonAsync(DirectLineJsonContext.Default.DirectLineConversation, TestContext.Current.CancellationToken))!;
        using var socket = await DirectLineDriver.ConnectAsync(reconnected.StreamUrl!);

        var id = await _client.SayAsync(session, "fresh");

        var received = await DirectLineDriver.ReceiveUntilAsync(socket, r => r.Any(a => a.ReplyToId == id));
        Assert.DoesNotContain(received, a => a.IsWelcome());
        Assert.Equal(id, received[0].Id);
    }

    [Fact]
    public async Task Stream_PushesTheEchoAndTheReply_AndTypingThatIsNeverStored()
    {
        var session = await _client.SessionAsync();
        var (_, conversation) = await _client.StartAsync(session.Token);
        using var socket = await DirectLineDriver.ConnectAsync(conversation!.StreamUrl!);
        var welcome = await DirectLineDriver.ReceiveUntilAsync(socket, r => r.Count >= 1);
        Assert.True(Assert.Single(welcome).IsWelcome()); // replayed from the start

        var connector = App.Services.GetRequiredService<IConnectorClient>();
        await connector.SendAsync(App.BaseAddress.AbsoluteUri, session.ConversationId, new Activity { Type = ActivityTypes.Typing, From = new ChannelAccount { Id = "ccapbot" } }, TestContext.Current.CancellationToken);
        var id = await _client.SayAsync(session, "hi", "client-7");

        var received = await DirectLineDriver.ReceiveUntilAsync(socket, r => r.Any(a => a.ReplyToId == id));
        Assert.Equal(ActivityTypes.Typing, received[0].Type);
        Assert.Equal("client-7", received.Single(a => a.Id == id).ClientActivityId());
        Assert.DoesNotContain(await _client.HistoryAsync(session), a => a.Type == ActivityTypes.Typing);
    }

    [Fact]
    public async Task SecondStream_ClosesTheFirst_WithCollision()
    {
        var session = await _client.StartedSessionAsync();
        var url = DirectLineEndpoints.StreamUrl(App.BaseAddress.AbsoluteUri, session.ConversationId, 0, session.Token);
        using var first = await DirectLineDriver.ConnectAsync(url);
        await DirectLineDriver.ReceiveUntilAsync(first, r => r.Count >= 1);

        using var second = await DirectLineDriver.ConnectAsync(url);

        var closed = await Assert.ThrowsAsync<WebSocketException>(() => DirectLineDriver.ReceiveUntilAsync(first, _ => false));
        Assert.Contains("collision", closed.Message, StringComparison.Ordinal);
        Assert.Single(await DirectLineDriver.ReceiveUntilAsync(second, r => r.Count >= 1)); // the newer one carries on
    }

    [Fact]
    public async Task UpdateThroughTheConnector_ReachesAPoller_WithTheSameIdAndPlace()
    {
        var session = await _client.StartedSessionAsync();
        var before = await _client.GetActivitiesAsync(session.Token, session.ConversationId);
        var welcome = Assert.Single(before.Activities);

        var connector = App.Services.GetRequiredService<IConnectorClient>();
        var response = await connector.UpdateAsync(App.BaseAddress.AbsoluteUri, session.ConversationId, welcome.Id!,
            new Activity { Type = ActivityTypes.Message, Text = "Replaced in place", From = welcome.From }, TestContext.Current.CancellationToken);

        Assert.Equal(welcome.Id, response.Id);
        var after = await _client.GetActivitiesAsync(session.Token, session.ConversationId, before.Watermark);
        var updated = Assert.Single(after.Activities);
        Assert.Equal(welcome.Id, updated.Id);
        Assert.Equal("Replaced in place", updated.Text);
        Assert.Equal(welcome.Timestamp, updated.Timestamp); // Web Chat places by timestamp: it stays where it was
        var history = await _client.HistoryAsync(session);
        Assert.Equal("Replaced in place", Assert.Single(history).Text);
    }

    [Fact]
    public async Task DeleteThroughTheConnector_RemovesFromHistory_AndUnknownIdsAre404()
    {
        var session = await _client.StartedSessionAsync();
        var welcome = Assert.Single(await _client.HistoryAsync(session));
        var connector = App.Services.GetRequiredService<IConnectorClient>();

        await connector.DeleteAsync(App.BaseAddress.AbsoluteUri, session.ConversationId, welcome.Id!, TestContext.Current.CancellationToken);
        var again = await Assert.ThrowsAsync<ConnectorException>(() => connector.DeleteAsync(App.BaseAddress.AbsoluteUri, session.ConversationId, welcome.Id!, TestContext.Current.CancellationToken));
        var update = await Assert.ThrowsAsync<ConnectorException>(() => connector.UpdateAsync(App.BaseAddress.AbsoluteUri, session.ConversationId, "nope", new Activity { Type = "message" }, TestContext.Current.CancellationToken));

        Assert.Empty(await _client.HistoryAsync(session));
        Assert.Equal(404, again.StatusCode);
        Assert.Equal(404, update.StatusCode);
    }

    [Fact]
    public async Task ConnectorEndpoints_AcceptOnlyTheBotsTokenForThatConversation()
    {
        var a = await _client.StartedSessionAsync();
        var b = await _client.StartedSessionAsync();
        var before = await CountsAsync();
        var tokens = App.Services.GetRequiredService<DirectLineTokens>();
        var body = new { type = "message", text = "forged bot message" };

        using var none = await _client.SendAsync(HttpMethod.Post, $"v3/conversations/{a.ConversationId}/activities", null, DirectLineDriver.Json(body));
        using var userToken = await _client.SendAsync(HttpMethod.Post, $"v3/conversations/{a.ConversationId}/activities", a.Token, DirectLineDriver.Json(body));
        using var otherConversation = await _client.SendAsync(HttpMethod.Post, $"v3/conversations/{a.ConversationId}/activities", tokens.IssueConnectorToken(b.ConversationId), DirectLineDriver.Json(body));
        using var put = await _client.SendAsync(HttpMethod.Put, $"v3/conversations/{a.ConversationId}/activities/x", a.Token, DirectLineDriver.Json(body));
        using var delete = await _client.SendAsync(HttpMethod.Delete, $"v3/conversations/{a.ConversationId}/activities/x", null);

        Assert.All([none, userToken, otherConversation, put, delete], r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Upload_IsRefusedClearly()
    {
        var session = await _client.StartedSessionAsync();
        var before = await CountsAsync();
        using var content = new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "file", "a.bin" } };

        using var response = await _client.SendAsync(HttpMethod.Post, $"v3/directline/conversations/{session.ConversationId}/upload?userId={session.UserId}", session.Token, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("NotSupported", error.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task TokenRefresh_GivesANewTokenForTheSameConversation()
    {
        var session = await _client.StartedSessionAsync();

        using var response = await _client.SendAsync(HttpMethod.Post, "v3/directline/tokens/refresh", session.Token);
        var refreshed = (await response.Content.ReadFromJsonAsync(DirectLineJsonContext.Default.DirectLineConversation, TestContext.Current.CancellationToken))!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(session.ConversationId, refreshed.ConversationId);
        Assert.Single((await _client.GetActivitiesAsync(refreshed.Token!, session.ConversationId)).Activities);
    }

    [Fact]
    public async Task SessionEndpoint_RefusesUserIdsThatAreNotDlGuids()
    {
        using var response = await _client.Http.PostAsync("api/webchat/session", DirectLineDriver.Json(new { userId = "dl_admin" }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private Task<(int Conversations, int Activities, int Turns)> CountsAsync() => App.QueryAsync(async db =>
        (await db.DirectLineConversations.CountAsync(), await db.DirectLineActivities.CountAsync(), await db.ProcessedActivities.CountAsync()));
}
