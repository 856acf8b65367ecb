using System.ComponentModel.DataAnnotations;

namespace CcapBot.Features.Reminders;

/// <summary>The tracking scheduler: check-ins, reminders and digests (section "Scheduler").</summary>
public sealed class SchedulerOptions : IValidatableObject
{
    public const string SectionName = "Scheduler";

    /// <summary>Run the background scheduler. Off only where something else drives it (tests and the benchmark call the tick).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often a tick turns domain state into messages. Each tick covers the time since the last one.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The very first tick (no earlier tick stored) also covers this much of the past.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan FirstTickLookback { get; set; } = TimeSpan.FromDays(1);

    /// <summary>After downtime, a tick covers at most this much of the past; older occasions are not announced late.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "30.00:00:00")]
    public TimeSpan MaxCatchUp { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Owners hear about an activity this many days before it is due (and again on the day).</summary>
    [Range(1, 60)]
    public int DueSoonDays { get; set; } = 7;

    /// <summary>An overdue activity is raised again every this many days.</summary>
    [Range(1, 60)]
    public int OverdueRepeatDays { get; set; } = 7;

    /// <summary>The first launch-meeting reminder, before the start.</summary>
    [Range(typeof(TimeSpan), "00:10:00", "7.00:00:00")]
    public TimeSpan MeetingFirstReminder { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The last launch-meeting reminder, before the start.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "1.00:00:00")]
    public TimeSpan MeetingLastReminder { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Coordinators hear about registrations and applications waiting this long for review (then weekly).</summary>
    [Range(1, 60)]
    public int ReviewWaitingDays { get; set; } = 2;

    /// <summary>A partnership with no activity update for this many days is raised with coordinators.</summary>
    [Range(1, 365)]
    public int StalledDays { get; set; } = 30;

    /// <summary>Coordinators hear about a completion date this many days ahead.</summary>
    [Range(1, 365)]
    public int CompletionWarningDays { get; set; } = 30;

    /// <summary>The weekly digest: the day and the time in each coordinator's zone (then their working hours apply).</summary>
    public DayOfWeek DigestDay { get; set; } = DayOfWeek.Monday;

    public TimeOnly DigestTime { get; set; } = new(9, 0);

    /// <summary>At most this many partnerships are detailed in a digest (those needing attention first).</summary>
    [Range(1, 100)]
    public int DigestPartnerships { get; set; } = 15;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MeetingLastReminder >= MeetingFirstReminder)
            yield return new ValidationResult($"Scheduler:MeetingLastReminder ({MeetingLastReminder}) must be shorter than Scheduler:MeetingFirstReminder ({MeetingFirstReminder}).", [nameof(MeetingLastReminder)]);
        if (FirstTickLookback > MaxCatchUp)
            yield return new ValidationResult($"Scheduler:FirstTickLookback ({FirstTickLookback}) must not exceed Scheduler:MaxCatchUp ({MaxCatchUp}).", [nameof(FirstTickLookback)]);
    }
}
