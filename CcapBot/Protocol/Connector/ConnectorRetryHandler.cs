using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CcapBot.Protocol.Connector;

/// <summary>
/// Retries the Connector answers Teams documents as retryable (bot-protocol.md §3.4): 412, 429 (after its
/// Retry-After), 502, 503 and 504, with exponential backoff and jitter, a bounded number of attempts and a bounded
/// total wait. Everything else, including 500, goes straight back to the caller. Waits run on
/// <see cref="TimeProvider"/> so tests control them.
/// </summary>
public sealed partial class ConnectorRetryHandler(IOptions<ConnectorOptions> options, TimeProvider clock, ILogger<ConnectorRetryHandler> log) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;
        // A re-sent request must carry the same body: buffer it once so every attempt can read it again.
        if (request.Content is not null) await request.Content.LoadIntoBufferAsync(cancellationToken);

        var waited = TimeSpan.Zero;
        for (var attempt = 1; ; attempt++)
        {
            var response = await SendAttemptAsync(request, settings.AttemptTimeout, cancellationToken);
            if (!IsRetryable(response.StatusCode)) return response;
            if (attempt >= settings.MaxAttempts)
            {
                LogExhausted(log, request.Method, request.RequestUri?.AbsolutePath, (int)response.StatusCode, attempt);
                return response;
            }

            var delay = RetryAfter(response) ?? Backoff(attempt, settings);
            if (waited + delay > settings.MaxTotalDelay)
            {
                LogGivingUp(log, request.Method, request.RequestUri?.AbsolutePath, (int)response.StatusCode, delay);
                return response;
            }

            LogRetrying(log, request.Method, request.RequestUri?.AbsolutePath, (int)response.StatusCode, attempt, delay);
            response.Dispose();
            await Task.Delay(delay, clock, cancellationToken);
            waited += delay;
        }
    }

    private async Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // The whole call has no HttpClient timeout (it would cut retries short); each attempt has its own.
        using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attemptTimeout.CancelAfter(timeout);
        try
        {
            return await base.SendAsync(request, attemptTimeout.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TaskCanceledException($"Connector {request.Method} {request.RequestUri?.AbsolutePath} timed out after {timeout}", new TimeoutException(e.Message, e));
        }
    }

    internal static bool IsRetryable(HttpStatusCode status) => (int)status is 412 or 429 or 502 or 503 or 504;

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is not { } retryAfter) return null;
        if (retryAfter.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (retryAfter.Date is { } date)
        {
            var wait = date - clock.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }

    /// <summary>Equal jitter: half the exponential step fixed, half random, so parallel senders spread out.</summary>
    private static TimeSpan Backoff(int attempt, ConnectorOptions settings)
    {
        var step = settings.BaseDelay * Math.Pow(2, attempt - 1);
        if (step > settings.MaxDelay) step = settings.MaxDelay;
        return step / 2 + step / 2 * Random.Shared.NextDouble();
    }

    [LoggerMessage(EventId = 1170, Level = LogLevel.Information, Message = "Connector {Method} {Path} answered {Status}; attempt {Attempt} is retried in {Delay}")]
    private static partial void LogRetrying(ILogger logger, HttpMethod method, string? path, int status, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 1171, Level = LogLevel.Warning, Message = "Connector {Method} {Path} answered {Status}; the next wait ({Delay}) exceeds the retry budget, giving up")]
    private static partial void LogGivingUp(ILogger logger, HttpMethod method, string? path, int status, TimeSpan delay);

    [LoggerMessage(EventId = 1172, Level = LogLevel.Warning, Message = "Connector {Method} {Path} still answered {Status} after {Attempts} attempts, giving up")]
    private static partial void LogExhausted(ILogger logger, HttpMethod method, string? path, int status, int attempts);
}
