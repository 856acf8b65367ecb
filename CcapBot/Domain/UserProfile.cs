namespace CcapBot.Domain;

/// <summary>
/// A person's own settings, keyed by their channel identity (channel + user id) until people are linked
/// across channels. Reminders use the working hours and "away until" to pick when to write.
/// </summary>
public sealed class UserProfile
{
    public required string ChannelId { get; set; }
    public required string UserId { get; set; }
    public required string DisplayName { get; set; }
    public required string Email { get; set; }
    /// <summary>"en" or "vi".</summary>
    public required string Language { get; set; }
    /// <summary>IANA zone id.</summary>
    public required string TimeZone { get; set; }
    public TimeOnly WorkStart { get; set; } = new(9, 0);
    public TimeOnly WorkEnd { get; set; } = new(17, 0);
    public DateOnly? AwayUntil { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Whether <paramref name="localTime"/> on <paramref name="localDate"/> is inside working hours and not while away.</summary>
    public bool IsAvailable(DateOnly localDate, TimeOnly localTime) =>
        (AwayUntil is not { } away || localDate > away) && localTime >= WorkStart && localTime < WorkEnd;
}
