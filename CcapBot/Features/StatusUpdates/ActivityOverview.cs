using System.Text.Json;
using CcapBot.Cards;
using CcapBot.Domain;
using CcapBot.Features.Tracking;
using CcapBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Features.StatusUpdates;

/// <summary>The activities of some partnerships as one card: number, title, status, owner and due date as the reader's calendar says.</summary>
public static class ActivityOverview
{
    public const int MaxPartnerships = 10;

    public static async Task<JsonElement> CardAsync(CcapDbContext db, TrackingCards cards, string language, DateOnly today, bool universalActions,
        IReadOnlyList<int> partnershipIds, string title, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(cards);
        ArgumentNullException.ThrowIfNull(partnershipIds);
        var shown = partnershipIds.Take(MaxPartnerships).ToList();
        var activities = await db.PartnershipActivities.AsNoTracking()
            .Where(a => a.RemovedAt == null && EF.Parameter(shown).Contains(a.PartnershipId))
            .OrderBy(a => a.PartnershipId).ThenBy(a => a.Number)
            .Select(a => new { a.PartnershipId, a.Number, a.Title, a.Status, a.DueDate, a.LastNote, Owner = db.Cities.Where(c => c.Id == a.OwnerCityId).Select(c => c.Name).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        var partnerships = await db.Partnerships.AsNoTracking().Where(p => EF.Parameter(shown).Contains(p.Id))
            .Select(p => new { p.Id, p.CompletionDate, p.Status }).ToListAsync(cancellationToken);
        var labels = await PartnershipLabel.LoadAsync(db, shown, cancellationToken);

        var sections = shown.Where(labels.ContainsKey).Select(id =>
        {
            var mine = activities.Where(a => a.PartnershipId == id).ToList();
            var partnership = partnerships.First(p => p.Id == id);
            var detail = cards.Format(language, "Tracking.Progress", mine.Count(a => a.Status == ActivityStatus.Done), mine.Count);
            if (partnership.CompletionDate is { } completion) detail += " · " + cards.Format(language, "Tracking.CompletionOn", cards.Date(language, completion));
            if (partnership.Status != PartnershipStatus.Active) detail += " · " + cards.Get(language, $"Tracking.PartnershipStatus.{partnership.Status}");
            var facts = mine.Select(a => new CardFact(
                cards.ActivityHeading(language, a.Number, a.Title),
                string.Join(" · ", new[]
                {
                    cards.Status(language, a.Status),
                    a.Status == ActivityStatus.Done ? null : cards.Due(language, a.DueDate, today),
                    a.Owner,
                    a.LastNote,
                }.OfType<string>()))).ToList();
            return new OverviewSection(labels[id].Name(language), detail, facts);
        }).ToList();
        return cards.Overview(new OverviewCardData
        {
            Title = title,
            Text = sections.Count == 0 ? cards.Get(language, "Tracking.Activities.None") : "",
            Sections = sections,
            Footer = partnershipIds.Count > shown.Count
                ? cards.Format(language, "Tracking.Activities.More", partnershipIds.Count - shown.Count)
                : sections.Count > 0 ? cards.Get(language, "Tracking.Activities.Hint") : "",
        }, universalActions);
    }
}
