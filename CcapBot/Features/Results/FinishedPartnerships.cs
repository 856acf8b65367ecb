using CcapBot.Domain;
using CcapBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Features.Results;

/// <summary>Which partnership of a city the results and extension flows are about.</summary>
public static class FinishedPartnerships
{
    /// <summary>
    /// The city's partnership whose work is over (completed or closed, or active with every activity done), the
    /// most recently ended first; loaded whole. Null when there is none.
    /// </summary>
    public static async Task<Partnership?> ForResultsAsync(CcapDbContext db, int cityId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var id = await db.Partnerships.AsNoTracking()
            .Where(p => p.Cities.Any(c => c.CityId == cityId)
                && (p.Status == PartnershipStatus.Completed || p.Status == PartnershipStatus.Closed
                    || p.Status == PartnershipStatus.Active && p.Activities.Any(a => a.RemovedAt == null) && p.Activities.All(a => a.RemovedAt != null || a.Status == ActivityStatus.Done)))
            .OrderByDescending(p => p.EndedAt ?? p.UpdatedAt)
            .Select(p => (int?)p.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return id is { } found ? await db.Partnerships.WithAggregate().FirstAsync(p => p.Id == found, cancellationToken) : null;
    }

    /// <summary>The city's partnership that can be extended: active or completed (not closed), the latest first.</summary>
    public static async Task<Partnership?> ForExtensionAsync(CcapDbContext db, int cityId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var id = await db.Partnerships.AsNoTracking()
            .Where(p => p.Cities.Any(c => c.CityId == cityId) && (p.Status == PartnershipStatus.Active || p.Status == PartnershipStatus.Completed))
            .OrderByDescending(p => p.UpdatedAt)
            .Select(p => (int?)p.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return id is { } found ? await db.Partnerships.WithAggregate().FirstAsync(p => p.Id == found, cancellationToken) : null;
    }
}
