using CcapBot.Cards;
using CcapBot.Conversations;
using CcapBot.Conversations.Dialogs;
using CcapBot.Domain;
using CcapBot.Features.Access;
using CcapBot.Features.Tracking;
using CcapBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Features.Results;

/// <summary>
/// What a new application of a city starts from after a partnership: the same kind, the same ways of working and
/// contributions, a period from next month, and the areas asked for before minus the one just worked on.
/// </summary>
public sealed record ApplicationPrefill(
    int CityId,
    ApplicationKind Kind,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> WaysOfWorking,
    IReadOnlyList<string> Contributions,
    int? StaffHoursPerMonth,
    string? Constraints,
    int? Capacity,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    string PreviousArea);

public static class NewArea
{
    /// <summary>
    /// The prefill for the city's next application, from its latest partnership and the application it came from
    /// (the registration feature's application form starts from it). Null when the city has had no partnership.
    /// </summary>
    public static async Task<ApplicationPrefill?> PrefillAsync(CcapDbContext db, int cityId, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var latest = await db.PartnershipCities.AsNoTracking()
            .Where(c => c.CityId == cityId && db.Partnerships.Any(p => p.Id == c.PartnershipId && p.Status != PartnershipStatus.Proposed && p.Status != PartnershipStatus.Cancelled))
            .OrderByDescending(c => c.PartnershipId)
            .Select(c => new { c.PartnershipId, c.Role, c.ApplicationId, Area = db.Partnerships.Where(p => p.Id == c.PartnershipId).Select(p => p.CategoryCode).First() })
            .FirstOrDefaultAsync(cancellationToken);
        if (latest is null) return null;
        var application = latest.ApplicationId is { } applicationId ? await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == applicationId, cancellationToken) : null;
        var start = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
        return new ApplicationPrefill(
            cityId,
            application?.Kind ?? (latest.Role == PartnershipRole.Mentor ? ApplicationKind.Mentor : ApplicationKind.Learning),
            [.. (application?.Categories ?? []).Where(c => c != latest.Area)],
            application?.WaysOfWorking ?? [],
            application?.Contributions ?? [],
            application?.StaffHoursPerMonth,
            application?.Constraints,
            application?.Capacity,
            start,
            start.AddMonths(11),
            latest.Area);
    }
}

/// <summary>"New area": shows what a new application would start from; the application form itself belongs to registration.</summary>
public sealed class NewAreaHandler(CcapDbContext db, ActorResolver actors, TrackingCards cards) : IActivityHandler
{
    public static CommandDefinition Command { get; } = new("newarea", TrackingVerbs.NewArea);

    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var lang = turn.Language;
        var actor = await actors.ResolveAsync(turn, cancellationToken);
        var prefill = actor.CityId is { } city ? await NewArea.PrefillAsync(db, city, turn.Today, cancellationToken) : null;
        if (prefill is null)
        {
            turn.SendText(cards.Get(lang, "Tracking.NewArea.Nothing"));
            return;
        }
        var categories = await db.ActionCategories.AsNoTracking().ToListAsync(cancellationToken);
        string Area(string code) => categories.FirstOrDefault(c => c.Code == code)?.Name(lang) ?? code;
        turn.SendCard(cards.Notice(new NoticeCardData
        {
            Title = cards.Get(lang, "Tracking.NewArea.Title"),
            Text = cards.Format(lang, "Tracking.NewArea.Text", Area(prefill.PreviousArea)),
            Facts =
            [
                new(cards.Get(lang, "Tracking.NewArea.Kind"), cards.Get(lang, $"Tracking.Review.application.{prefill.Kind}")),
                new(cards.Get(lang, "Tracking.NewArea.Areas"), prefill.Categories.Count == 0 ? "—" : string.Join(", ", prefill.Categories.Select(Area))),
                new(cards.Get(lang, "Tracking.NewArea.Period"), $"{cards.Date(lang, prefill.PeriodStart)} – {cards.Date(lang, prefill.PeriodEnd)}"),
                new(cards.Get(lang, "Tracking.NewArea.Ways"), prefill.WaysOfWorking.Count == 0 ? "—" : string.Join(", ", prefill.WaysOfWorking)),
            ],
        }, turn.SupportsUniversalActions));
    }
}
