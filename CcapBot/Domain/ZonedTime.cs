namespace CcapBot.Domain;

/// <summary>Wall-clock times in IANA zones, daylight saving included.</summary>
public static class ZonedTime
{
    /// <summary>
    /// The instant a wall-clock time names in a zone. A time skipped by a daylight-saving jump reads as
    /// clocks read it (02:30 on a spring-forward night is 03:30); a time that happens twice is the first.
    /// </summary>
    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (zone.IsInvalidTime(local))
            offset = zone.GetUtcOffset(local.AddHours(-3)); // the offset before the jump; no real gap is 3 h long
        else if (zone.IsAmbiguousTime(local))
            offset = zone.GetAmbiguousTimeOffsets(local).Max(); // daylight offset: the earlier instant
        else
            offset = zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>The date and time an instant shows in a zone.</summary>
    public static DateTimeOffset InZone(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return TimeZoneInfo.ConvertTime(instant, zone);
    }
}
