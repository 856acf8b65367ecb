using CcapBot.Domain;

namespace CcapBot.Features.Access;

/// <summary>
/// When a person may be written to: Monday to Friday between <see cref="Start"/> and <see cref="End"/> in their own
/// zone (09:00–17:00 unless their profile says otherwise), never on or before the day they are away until.
/// </summary>
public sealed record WorkingHours(TimeZoneInfo Zone, TimeOnly Start, TimeOnly End, DateOnly? AwayUntil = null)
{
    public static readonly TimeOnly DefaultStart = new(9, 0);
    public static readonly TimeOnly DefaultEnd = new(17, 0);

    // Far enough for any "away" a profile accepts plus a few weekends; a person away longer gets nothing until back.
    private const int SearchDays = 400;

    public static WorkingHours For(TimeZoneInfo zone, TimeOnly? start = null, TimeOnly? end = null, DateOnly? awayUntil = null)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var s = start ?? DefaultStart;
        var e = end ?? DefaultEnd;
        // A profile cannot store an empty or inverted day; older data might: fall back to the default day.
        if (e <= s) (s, e) = (DefaultStart, DefaultEnd);
        return new WorkingHours(zone, s, e, awayUntil);
    }

    public bool Contains(DateTimeOffset instant)
    {
        var local = ZonedTime.InZone(instant, Zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        return IsWorkingDay(date) && time >= Start && time < End;
    }

    /// <summary>
    /// The first instant at or after <paramref name="notBefore"/> inside working hours; null when there is none
    /// before <paramref name="before"/> (or within the search horizon).
    /// </summary>
    public DateTimeOffset? NextSlot(DateTimeOffset notBefore, DateTimeOffset? before = null)
    {
        var first = DateOnly.FromDateTime(ZonedTime.InZone(notBefore, Zone).DateTime);
        if (AwayUntil is { } away && away >= first) first = away.AddDays(1);
        for (var i = 0; i < SearchDays; i++)
        {
            var date = first.AddDays(i);
            if (!IsWorkingDay(date)) continue;
            var end = ZonedTime.ToInstant(date, End, Zone);
            if (end <= notBefore) continue;
            var start = ZonedTime.ToInstant(date, Start, Zone);
            var slot = start > notBefore ? start : notBefore;
            if (before is { } limit && slot >= limit) return null;
            if (slot < end) return slot;
        }
        return null;
    }

    private bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && (AwayUntil is not { } away || date > away);
}
