namespace CcapBot.Conversations.Outbox;

/// <summary>What the worker does with a failed send: which statuses are worth another try, and when.</summary>
internal static class OutboxRetry
{
    /// <summary>
    /// The statuses Teams documents as retryable (bot-protocol.md §3.4): 412 concurrent operations, 429 throttled,
    /// 502/503/504. Everything else, 500 included, is permanent: "don't retry codes the table doesn't list".
    /// </summary>
    public static bool IsTransient(int statusCode) => statusCode is 412 or 429 or 502 or 503 or 504;

    /// <summary>
    /// Exponential backoff with jitter: attempt 1 waits about <see cref="OutboxOptions.InitialBackoff"/>, each next one
    /// twice as long, up to <see cref="OutboxOptions.MaxBackoff"/>; the channel's Retry-After is a floor.
    /// </summary>
    /// <param name="attempt">The attempt that just failed (1 = the first).</param>
    /// <param name="jitter">A number in [0, 1): spreads retries of many rows so they do not arrive together.</param>
    public static TimeSpan Delay(int attempt, TimeSpan? retryAfter, OutboxOptions options, double jitter)
    {
        ArgumentNullException.ThrowIfNull(options);
        var exponent = Math.Clamp(attempt - 1, 0, 30);
        var ceiling = Math.Min(options.InitialBackoff.TotalMilliseconds * Math.Pow(2, exponent), options.MaxBackoff.TotalMilliseconds);
        // Half fixed, half random ("equal jitter"): never much sooner than planned, never all at once.
        var delay = TimeSpan.FromMilliseconds(ceiling / 2 + ceiling / 2 * Math.Clamp(jitter, 0, 1));
        return retryAfter is { } floor && floor > delay ? floor : delay;
    }
}
