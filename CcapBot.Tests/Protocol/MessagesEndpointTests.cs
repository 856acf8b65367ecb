using System.Net;
using System.Text;
using CcapBot.Protocol.Schema;
using CcapBot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Tests.Protocol;

public sealed class MessagesEndpointTests : IAsyncLifetime
{
    private FakeConnector _connector = null!;
    private readonly CcapBotFactory _bot = new();

    public async ValueTask InitializeAsync() => _connector = await FakeConnector.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private Task<HttpResponseMessage> PostAsync(string body, string contentType = "application/json") =>
        _bot.CreateClient().PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, contentType));

    [Fact]
    public async Task FirstMessage_GetsWelcomeCard_ThroughConnector()
    {
        var response = await PostAsync(ActivityBuilder.Message("hi").To(_connector.ServiceUrl).Json());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calls = await _connector.WaitForAsync(2);
        var welcome = calls[0];
        Assert.Equal("POST", welcome.Method);
        Assert.StartsWith("/v3/conversations/a%3Apersonal-1/activities/", welcome.Path, StringComparison.Ordinal);
        Assert.Equal(Attachment.AdaptiveCardContentType, welcome.Activity!.Attachments![0].ContentType);
        Assert.Equal("29:user-1", welcome.Activity.Recipient!.Id);
        Assert.Equal(ActivityBuilder.Bot.Id, welcome.Activity.From!.Id);
    }

    [Fact]
    public async Task Welcome_IsSentOncePerUserPerConversation()
    {
        await PostAsync(ActivityBuilder.ConversationUpdate(ActivityBuilder.Bot).To(_connector.ServiceUrl).Json());
        await PostAsync(ActivityBuilder.Message("hi").To(_connector.ServiceUrl).Json());
        await PostAsync(ActivityBuilder.Message("hello again").To(_connector.ServiceUrl).Json());

        var calls = await _connector.WaitForAsync(3);
        Assert.Single(calls, c => c.Activity!.Attachments is { Count: > 0 });
    }

    [Fact]
    public async Task BotOwnMembersAddedEntry_InGroup_GetsNoWelcome()
    {
        await PostAsync(ActivityBuilder.ConversationUpdate(ActivityBuilder.Bot).InConversation("19:group@thread.v2", "groupChat").To(_connector.ServiceUrl).Json());
        await PostAsync(ActivityBuilder.Message("hi").InConversation("19:group@thread.v2", "groupChat").To(_connector.ServiceUrl).Json());

        var calls = await _connector.WaitForAsync(2);
        Assert.Equal(2, calls.Count);
        Assert.NotNull(calls[0].Activity!.Attachments); // the welcome answers the user's first message, not the bot's own join
    }

    [Fact]
    public async Task SameActivityTwice_IsProcessedOnce()
    {
        var json = ActivityBuilder.Message("hi").WithId("dup-1").To(_connector.ServiceUrl).Json();
        var first = await PostAsync(json);
        var second = await PostAsync(json);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        await _connector.WaitForAsync(2);
        await Task.Delay(200, TestContext.Current.CancellationToken); // a second turn would have replied by now
        Assert.Equal(2, _connector.Calls.Count); // welcome + one answer
        Assert.Equal(1, await _bot.QueryAsync(db => db.ProcessedActivities.CountAsync()));
    }

    [Theory]
    [InlineData("{not json", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"text\":\"no type\"}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("[]", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"type\":\"message\"}", "text/plain", HttpStatusCode.UnsupportedMediaType)]
    public async Task BadRequests_AreRefused_AndNothingIsStored(string body, string contentType, HttpStatusCode expected)
    {
        var response = await PostAsync(body, contentType);

        Assert.Equal(expected, response.StatusCode);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task OversizedBody_Is413_AndNothingIsStored()
    {
        var big = ActivityBuilder.Message(new string('x', 300 * 1024)).To(_connector.ServiceUrl).Json();
        var response = await PostAsync(big);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task OversizedChunkedBody_Is413()
    {
        var big = ActivityBuilder.Message(new string('x', 300 * 1024)).To(_connector.ServiceUrl).Json();
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big)));
        content.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await _bot.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Get_Is405()
    {
        var response = await _bot.CreateClient().GetAsync("/api/messages", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Theory]
    [InlineData("messageReaction")]
    [InlineData("someFutureType")]
    public async Task UnknownActivityTypes_Are200_WithoutATurn(string type)
    {
        var response = await PostAsync(ActivityBuilder.Message("x").Apply(a => a with { Type = type }).To(_connector.ServiceUrl).Json());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task UnknownFields_RoundTrip()
    {
        const string json = """{"type":"message","text":"hi","futureField":{"a":[1,2]},"channelData":{"tenant":{"id":"t"},"x":1}}""";
        var activity = System.Text.Json.JsonSerializer.Deserialize(json, ProtocolJsonContext.Default.Activity)!;
        var written = System.Text.Json.JsonSerializer.Serialize(activity, ProtocolJsonContext.Default.Activity);

        Assert.Contains("\"futureField\":{\"a\":[1,2]}", written, StringComparison.Ordinal);
        Assert.Contains("\"x\":1", written, StringComparison.Ordinal);
        Assert.DoesNotContain("null", written, StringComparison.Ordinal);
        Assert.Equal("t", activity.TenantId);
    }

    private async Task AssertNothingStoredAsync()
    {
        Assert.Equal(0, await _bot.QueryAsync(db => db.ConversationMembers.CountAsync()));
        Assert.Equal(0, await _bot.QueryAsync(db => db.ProcessedActivities.CountAsync()));
        Assert.Empty(_connector.Calls);
    }
}
