using System.Diagnostics;
using System.Net.WebSockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CcapBot.Protocol.DirectLine;

/// <summary>
/// One client's WebSocket stream (<c>streamUrl</c>): replays from the watermark it was opened with, then
/// pushes ActivitySets as they are written (at once for writes on this instance, within a poll interval
/// for writes on others), stream-only activities (typing), and empty keep-alive frames when idle.
/// Frames from the client are read and ignored, as the real service does.
/// </summary>
public sealed partial class DirectLineStreamSession(
    IDirectLineStore store,
    DirectLineHub hub,
    IOptions<DirectLineOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<DirectLineStreamSession> log)
{
    public async Task RunAsync(WebSocket socket, string conversationId, long watermark, CancellationToken requestAborted)
    {
        ArgumentNullException.ThrowIfNull(socket);
        var settings = options.Value;
        using var subscription = hub.Subscribe(conversationId);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, lifetime.ApplicationStopping);
        var receiving = ReceiveUntilClosedAsync(socket, stop);
        var idle = Stopwatch.StartNew();
        LogOpened(log, conversationId);
        try
        {
            while (!stop.IsCancellationRequested)
            {
                if (subscription.Collided)
                {
                    LogCollision(log, conversationId);
                    await socket.CloseOutputAsync(WebSocketCloseStatus.PolicyViolation, "collision", stop.Token);
                    break;
                }

                foreach (var transient in subscription.DrainTransient())
                {
                    await SendAsync(socket, DirectLineChannel.ActivitySet([transient], null), stop.Token);
                    idle.Restart();
                }

                var page = await store.ReadAsync(conversationId, watermark, settings.PageSize, stop.Token);
                if (page.Count > 0)
                {
                    watermark = page[^1].Sequence;
                    await SendAsync(socket, DirectLineChannel.ActivitySet(page.Select(a => a.Json), Watermark(watermark)), stop.Token);
                    idle.Restart();
                    if (page.Count == settings.PageSize) continue;
                }
                else if (idle.Elapsed >= settings.KeepAliveInterval)
                {
                    await SendAsync(socket, [], stop.Token);
                    idle.Restart();
                }

                await subscription.WaitAsync(settings.StreamPollInterval, stop.Token);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // the client left or the app is stopping
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A broken socket or an unreachable database ends this stream only; the client reconnects.
            LogBroken(log, conversationId, e);
        }
        finally
        {
            // Close first and give the client a moment to answer: cancelling the pending receive aborts the
            // socket, and an abort can lose the close frame (and its reason, e.g. "collision").
            await CloseQuietlyAsync(socket);
            await Task.WhenAny(receiving, Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None));
            await stop.CancelAsync();
            await receiving;
            LogClosed(log, conversationId);
        }
    }

    public static string Watermark(long sequence) => sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Task SendAsync(WebSocket socket, byte[] frame, CancellationToken cancellationToken) =>
        socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    /// <summary>Reads (and drops) client frames until the client closes; then stops the sender.</summary>
    private static async Task ReceiveUntilClosedAsync(WebSocket socket, CancellationTokenSource stop)
    {
        var buffer = new byte[1024];
        try
        {
            while (true)
            {
                var received = await socket.ReceiveAsync(buffer, stop.Token);
                if (received.MessageType == WebSocketMessageType.Close) break;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // closing either way
        }
        finally
        {
            await stop.CancelAsync();
        }
    }

    private static async Task CloseQuietlyAsync(WebSocket socket)
    {
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // the peer is gone already
        }
    }

    [LoggerMessage(EventId = 1210, Level = LogLevel.Debug, Message = "Web chat stream opened for {ConversationId}")]
    private static partial void LogOpened(ILogger logger, string conversationId);

    [LoggerMessage(EventId = 1211, Level = LogLevel.Debug, Message = "Web chat stream closed for {ConversationId}")]
    private static partial void LogClosed(ILogger logger, string conversationId);

    [LoggerMessage(EventId = 1212, Level = LogLevel.Information, Message = "A newer stream took over {ConversationId}; closing the older one (collision)")]
    private static partial void LogCollision(ILogger logger, string conversationId);

    [LoggerMessage(EventId = 1213, Level = LogLevel.Information, Message = "Web chat stream for {ConversationId} broke")]
    private static partial void LogBroken(ILogger logger, string conversationId, Exception exception);
}
