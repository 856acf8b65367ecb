using CcapBot.Domain;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Persistence;

public static class PartnershipQueries
{
    /// <summary>
    /// The whole aggregate a <see cref="Partnership"/> method needs (cities, meetings with answers, action
    /// lists with items and agreements, activities), split into one query per collection. Activity history
    /// is not loaded: it only grows; query <see cref="CcapDbContext.ActivityUpdates"/> for it.
    /// </summary>
    public static IQueryable<Partnership> WithAggregate(this IQueryable<Partnership> partnerships) =>
        partnerships
            .Include(p => p.Cities)
            .Include(p => p.LaunchMeetings).ThenInclude(m => m.Rsvps)
            .Include(p => p.ActionLists).ThenInclude(v => v.Items)
            .Include(p => p.ActionLists).ThenInclude(v => v.Agreements)
            .Include(p => p.Activities)
            .AsSplitQuery();
}
