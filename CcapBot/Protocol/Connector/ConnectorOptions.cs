using System.ComponentModel.DataAnnotations;

namespace CcapBot.Protocol.Connector;

/// <summary>
/// Retry policy for Connector calls (bot-protocol.md §3.4). Replies are sent inside the channel's request,
/// which Teams re-sends after 15 s, so the default total wait stays well under that; the outbox retries
/// whole rows later for anything longer.
/// </summary>
public sealed class ConnectorOptions
{
    public const string SectionName = "Connector";

    /// <summary>Attempts per call, the first included.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 4;

    /// <summary>First backoff; doubles per attempt, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound of one computed backoff (a Retry-After is bounded by <see cref="MaxTotalDelay"/> only).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>Total waiting per call; a wait that would exceed it ends the retries with the last answer.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MaxTotalDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Time allowed for one attempt (network time, not counted in the delays above).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
