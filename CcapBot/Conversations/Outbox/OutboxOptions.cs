using System.ComponentModel.DataAnnotations;

namespace CcapBot.Conversations.Outbox;

/// <summary>The outbox worker (section "Outbox").</summary>
public sealed class OutboxOptions : IValidatableObject
{
    public const string SectionName = "Outbox";

    /// <summary>Run the background worker. Off only where something else drives it (tests call RunOnceAsync).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often an idle worker looks for due rows. A full batch is followed at once by the next.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    [Range(1, 1000)]
    public int BatchSize { get; set; } = 20;

    /// <summary>How long a claimed row belongs to one worker; a row whose worker died is claimed again after this.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The longest one row's Connector calls may take (creating the conversation, sending, and the client's own
    /// retries). A row is sent only while at least this
    /// much of the lease is left, so a row is never sent after its lease could have passed to another worker.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Send attempts before a row that keeps failing transiently is marked dead.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Delay after the first transient failure; doubles per attempt (with jitter) up to <see cref="MaxBackoff"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(10);

    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long de-duplication marks of inbound activities are kept. Channels re-send within seconds to minutes
    /// (Teams after 15 s), so a day is ample.
    /// </summary>
    [Range(typeof(TimeSpan), "00:10:00", "365.00:00:00")]
    public TimeSpan ProcessedActivityRetention { get; set; } = TimeSpan.FromHours(24);

    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromHours(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // Range limits stay whole seconds: fractional TimeSpan limits would be parsed in the current culture.
        if (PollInterval <= TimeSpan.Zero)
            yield return new ValidationResult("Outbox:PollInterval must be positive.", [nameof(PollInterval)]);
        if (LeaseDuration < 2 * SendTimeout)
            yield return new ValidationResult($"Outbox:LeaseDuration ({LeaseDuration}) must be at least twice Outbox:SendTimeout ({SendTimeout}).", [nameof(LeaseDuration)]);
        if (MaxBackoff < InitialBackoff)
            yield return new ValidationResult($"Outbox:MaxBackoff ({MaxBackoff}) must not be shorter than Outbox:InitialBackoff ({InitialBackoff}).", [nameof(MaxBackoff)]);
    }
}
