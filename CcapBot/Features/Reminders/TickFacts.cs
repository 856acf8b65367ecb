using CcapBot.Domain;
using CcapBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Features.Reminders;

/// <summary>The part of the past one tick covers: (<see cref="From"/>, <see cref="Until"/>].</summary>
public sealed record TickWindow(DateTimeOffset From, DateTimeOffset Until)
{
    public bool Contains(DateTimeOffset instant) => instant > From && instant <= Until;
}

internal sealed record PartnershipRow(int Id, string CategoryCode, DateTimeOffset? ActivatedAt, int CheckInCadenceDays, DateOnly? CompletionDate);

internal sealed record ActivityRow(int Id, int PartnershipId, int Number, string Title, int OwnerCityId, DateOnly DueDate, ActivityStatus Status);

internal sealed record ActivityStats(int PartnershipId, int Total, int Done, long LastUpdateTicks);

internal sealed record CityRow(int Id, string Name, string TimeZone);

internal sealed record MembershipRow(int PartnershipId, int CityId, PartnershipRole Role);

internal sealed record MeetingRow(int Id, int PartnershipId, int Revision, DateTimeOffset StartsAt, string? JoinLink);

internal sealed record WaitingRow(int Id, string CityName, DateTimeOffset SubmittedAt, string Kind);

internal sealed record CategoryRow(string Code, string NameEn, string NameVi);

/// <summary>
/// What one tick reads, in a fixed number of set-based queries whatever the number of partnerships: the active
/// partnerships, the open activities that can be due for something, per-partnership progress, the cities, the
/// launch meetings about to start and the reviews waiting. Rows are small projections, never tracked.
/// </summary>
internal sealed record TickFacts(
    IReadOnlyList<PartnershipRow> Partnerships,
    IReadOnlyList<ActivityRow> Activities,
    IReadOnlyDictionary<int, ActivityStats> Stats,
    IReadOnlyDictionary<int, CityRow> Cities,
    ILookup<int, MembershipRow> Memberships,
    IReadOnlyList<MeetingRow> Meetings,
    IReadOnlyList<WaitingRow> Registrations,
    IReadOnlyList<WaitingRow> Applications,
    IReadOnlyDictionary<string, CategoryRow> Categories)
{
    /// <param name="digest">A digest goes out in this window: every partnership's progress and blocked activities are read too.</param>
    public static async Task<TickFacts> LoadAsync(CcapDbContext db, TickWindow window, SchedulerOptions options, bool digest, CancellationToken cancellationToken)
    {
        var active = db.Partnerships.Where(p => p.Status == PartnershipStatus.Active);
        var partnerships = await active.AsNoTracking()
            .Select(p => new PartnershipRow(p.Id, p.CategoryCode, p.ActivatedAt, p.CheckInCadenceDays, p.CompletionDate))
            .ToListAsync(cancellationToken);

        // Check-in cards list every open activity of the partnership, whatever its due date.
        var checkInDue = partnerships.Where(p => CheckInRelease(p, window.Until) is { } release && window.Contains(release)).Select(p => p.Id).ToList();
        // Due dates are calendar dates in the owner city's zone: a day either side of UTC covers every zone.
        var horizon = DateOnly.FromDateTime(window.Until.UtcDateTime).AddDays(options.DueSoonDays + 2);
        var activities = await db.PartnershipActivities.AsNoTracking()
            .Where(a => a.RemovedAt == null && a.Status != ActivityStatus.Done && active.Any(p => p.Id == a.PartnershipId)
                && (a.DueDate <= horizon || digest && a.Status == ActivityStatus.Blocked || EF.Parameter(checkInDue).Contains(a.PartnershipId)))
            .Select(a => new ActivityRow(a.Id, a.PartnershipId, a.Number, a.Title, a.OwnerCityId, a.DueDate, a.Status))
            .ToListAsync(cancellationToken);

        // Completion warnings show progress too (a day either side of the window covers every zone).
        var warnFrom = DateOnly.FromDateTime(window.From.UtcDateTime).AddDays(options.CompletionWarningDays - 1);
        var warnUntil = DateOnly.FromDateTime(window.Until.UtcDateTime).AddDays(options.CompletionWarningDays + 1);
        var completing = partnerships.Where(p => p.CompletionDate >= warnFrom && p.CompletionDate <= warnUntil).Select(p => p.Id).ToList();
        // Progress of every partnership for a digest; otherwise of those stalled now or about to complete.
        var stalledFrom = window.From.AddDays(-options.StalledDays);
        var stalledUntil = window.Until.AddDays(-options.StalledDays);
        var stats = await db.PartnershipActivities.AsNoTracking()
            .Where(a => a.RemovedAt == null && active.Any(p => p.Id == a.PartnershipId))
            .GroupBy(a => a.PartnershipId)
            .Select(g => new { PartnershipId = g.Key, Total = g.Count(), Done = g.Count(a => a.Status == ActivityStatus.Done), Last = g.Max(a => a.UpdatedAt) })
            .Where(g => digest || g.Last > stalledFrom && g.Last <= stalledUntil || EF.Parameter(completing).Contains(g.PartnershipId))
            .ToListAsync(cancellationToken);

        var cities = await db.Cities.AsNoTracking().Select(c => new CityRow(c.Id, c.Name, c.TimeZone)).ToListAsync(cancellationToken);

        // Cities of every partnership still going (a launch meeting comes before the partnership is active).
        var memberships = await db.PartnershipCities.AsNoTracking()
            .Where(c => db.Partnerships.Any(p => p.Id == c.PartnershipId
                && p.Status != PartnershipStatus.Proposed && p.Status != PartnershipStatus.Closed && p.Status != PartnershipStatus.Cancelled && p.Status != PartnershipStatus.Completed))
            .Select(c => new MembershipRow(c.PartnershipId, c.CityId, c.Role))
            .ToListAsync(cancellationToken);

        // A meeting whose first or last reminder falls in the window.
        var earliest = window.From + options.MeetingLastReminder;
        var latest = window.Until + options.MeetingFirstReminder;
        var meetings = await db.LaunchMeetings.AsNoTracking()
            .Where(m => (m.Status == LaunchMeetingStatus.Scheduled || m.Status == LaunchMeetingStatus.Rescheduled) && m.StartsAt > earliest && m.StartsAt <= latest
                && db.Partnerships.Any(p => p.Id == m.PartnershipId && p.Status != PartnershipStatus.Closed && p.Status != PartnershipStatus.Cancelled))
            .Select(m => new MeetingRow(m.Id, m.PartnershipId, m.Revision, m.StartsAt, m.JoinLink))
            .ToListAsync(cancellationToken);

        var waitingSince = window.Until - TimeSpan.FromDays(options.ReviewWaitingDays);
        var registrations = (await db.Registrations.AsNoTracking()
            .Where(r => r.Status == ReviewStatus.Submitted && r.SubmittedAt <= waitingSince)
            .Select(r => new { r.Id, r.City!.Name, r.SubmittedAt, r.Kind })
            .ToListAsync(cancellationToken)).Select(r => new WaitingRow(r.Id, r.Name, r.SubmittedAt, r.Kind.ToString())).ToList();
        var applications = (await db.Applications.AsNoTracking()
            .Where(a => a.Status == ReviewStatus.Submitted && a.SubmittedAt <= waitingSince)
            .Select(a => new { a.Id, a.City!.Name, a.SubmittedAt, a.Kind })
            .ToListAsync(cancellationToken)).Select(a => new WaitingRow(a.Id, a.Name, a.SubmittedAt, a.Kind.ToString())).ToList();

        var categories = await db.ActionCategories.AsNoTracking().Select(c => new CategoryRow(c.Code, c.NameEn, c.NameVi)).ToListAsync(cancellationToken);

        return new TickFacts(
            partnerships,
            activities,
            stats.ToDictionary(s => s.PartnershipId, s => new ActivityStats(s.PartnershipId, s.Total, s.Done, s.Last.UtcTicks)),
            cities.ToDictionary(c => c.Id),
            memberships.ToLookup(m => m.PartnershipId),
            meetings,
            registrations,
            applications,
            categories.ToDictionary(c => c.Code, StringComparer.Ordinal));
    }

    /// <summary>
    /// The latest check-in occasion at or before <paramref name="now"/>: every cadence since activation (never at
    /// activation itself). Null before the first.
    /// </summary>
    public static DateTimeOffset? CheckInRelease(PartnershipRow partnership, DateTimeOffset now)
    {
        if (partnership.ActivatedAt is not { } activated || partnership.CheckInCadenceDays <= 0) return null;
        var cadence = TimeSpan.FromDays(partnership.CheckInCadenceDays);
        var cycles = (long)Math.Floor((now - activated) / cadence);
        return cycles >= 1 ? activated + cadence * cycles : null;
    }
}
