using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using CcapBot.Protocol.DirectLine;
using CcapBot.Protocol.Schema;

namespace CcapBot.Tests.Protocol.DirectLine;

/// <summary>A plain HTTP client of the local Direct Line, speaking the wire format (what a client sees).</summary>
internal sealed class DirectLineDriver(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress };

    public HttpClient Http => _http;

    public static string NewUserId() => "dl_" + Guid.NewGuid().ToString("D");

    public async Task<WebChatSession> SessionAsync(string? userId = null)
    {
        using var response = await _http.PostAsync("api/webchat/session", Json(new { userId = userId ?? NewUserId(), locale = "en-US" }), Ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync(DirectLineJsonContext.Default.WebChatSession, Ct))!;
    }

    public async Task<(HttpStatusCode Status, CcapBot.Protocol.DirectLine.DirectLineConversation? Conversation)> StartAsync(string bearer, object? body = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v3/directline/conversations") { Content = Json(body ?? new { user = new { } }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        using var response = await _http.SendAsync(request, Ct);
        return (response.StatusCode, response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync(DirectLineJsonContext.Default.DirectLineConversation, Ct) : null);
    }

    /// <summary>A session whose conversation is started (the welcome is stored).</summary>
    public async Task<WebChatSession> StartedSessionAsync()
    {
        var session = await SessionAsync();
        var (status, _) = await StartAsync(session.Token);
        Assert.Equal(HttpStatusCode.Created, status);
        return session;
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? bearer, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return _http.SendAsync(request, Ct);
    }

    public Task<HttpResponseMessage> PostActivityAsync(string bearer, string conversationId, object activity) =>
        SendAsync(HttpMethod.Post, $"v3/directline/conversations/{conversationId}/activities", bearer, Json(activity));

    /// <returns>The id the service gave the posted message.</returns>
    public async Task<string> SayAsync(WebChatSession session, string text, string? clientActivityId = null)
    {
        using var response = await PostActivityAsync(session.Token, session.ConversationId, new
        {
            type = "message", text, from = new { id = session.UserId }, channelData = new { clientActivityID = clientActivityId ?? Guid.NewGuid().ToString() },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync(ProtocolJsonContext.Default.ResourceResponse, Ct))!.Id!;
    }

    public async Task<ActivitySet> GetActivitiesAsync(string bearer, string conversationId, string? watermark = null)
    {
        using var response = await SendAsync(HttpMethod.Get, $"v3/directline/conversations/{conversationId}/activities?watermark={watermark}", bearer);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return ActivitySet.Parse(await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>All activities, following watermarks page by page until an empty page.</summary>
    public async Task<IReadOnlyList<Activity>> HistoryAsync(WebChatSession session)
    {
        var all = new List<Activity>();
        string? watermark = null;
        while (true)
        {
            var page = await GetActivitiesAsync(session.Token, session.ConversationId, watermark);
            if (page.Activities.Count == 0) return all;
            all.AddRange(page.Activities);
            watermark = page.Watermark;
        }
    }

    public static StringContent Json(object body, string contentType = "application/json") =>
        new(JsonSerializer.Serialize(body), Encoding.UTF8, contentType);

    public static async Task<ClientWebSocket> ConnectAsync(string streamUrl)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(streamUrl), Ct);
        return socket;
    }

    /// <summary>Reads frames until <paramref name="enough"/> says the activities so far suffice; empty frames are keep-alives.</summary>
    public static async Task<List<Activity>> ReceiveUntilAsync(WebSocket socket, Func<IReadOnlyList<Activity>, bool> enough, TimeSpan? timeout = null)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cts.CancelAfter(timeout ?? TimeSpan.FromSeconds(10));
        var received = new List<Activity>();
        var buffer = new byte[64 * 1024];
        while (!enough(received))
        {
            using var frame = new MemoryStream();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, cts.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                    throw new WebSocketException($"Closed by the server ({result.CloseStatus} {result.CloseStatusDescription}) after {received.Count} activities.");
                frame.Write(buffer, 0, result.Count);
            }
            while (!result.EndOfMessage);
            if (frame.Length == 0) continue;
            received.AddRange(ActivitySet.Parse(Encoding.UTF8.GetString(frame.ToArray())).Activities);
        }
        return received;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _http.Dispose();
}

internal sealed record ActivitySet(IReadOnlyList<Activity> Activities, string? Watermark)
{
    public static ActivitySet Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var activities = root.GetProperty("activities").EnumerateArray().Select(a => a.Deserialize(ProtocolJsonContext.Default.Activity)!).ToList();
        return new ActivitySet(activities, root.TryGetProperty("watermark", out var w) ? w.GetString() : null);
    }
}

internal static class ActivityExtensions
{
    public static string? ClientActivityId(this Activity activity) => activity.ChannelDataString("clientActivityID");
    public static bool IsWelcome(this Activity activity) => activity.Attachments is { Count: > 0 } a && a[0].ContentType == Attachment.AdaptiveCardContentType;
}
