using System.Text.Json;
using CcapBot.Cards;
using CcapBot.Domain;
using CcapBot.Features.Access;
using CcapBot.Persistence;
using CcapBot.Protocol.Schema;

namespace CcapBot.Features.Partnering;

/// <summary>
/// What every representative of a partnership's cities is told when it starts and when it becomes active,
/// each in their language, once (the outbox key is per partnership, event and person).
/// </summary>
public sealed class PartnershipNotices(Audience audience, CardCopies copies, CardBinder cards, PartneringText text)
{
    public static string Topic(int partnershipId) => $"partnership:{partnershipId}";

    /// <summary>"New C3 partnership": to every representative of its cities.</summary>
    public async Task<int> CreatedAsync(CcapDbContext db, PartnershipContext partnership, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partnership);
        var recipients = await audience.RepresentativesAsync(db, [.. partnership.Cities.Keys], cancellationToken);
        return await copies.NotifyAsync(db, $"p{partnership.Id}:created", Topic(partnership.Id), recipients,
            r => Message(CreatedCard(partnership, r.Language, r.UniversalActions), text.Format(r.Language, "Partnering.Created.Title", partnership.Id)),
            cancellationToken);
    }

    /// <summary>
    /// The partnership card: who mentors whom, in what, for what. A coordinator's copy (with <paramref name="nextSteps"/>)
    /// offers the next step, scheduling the launch meeting.
    /// </summary>
    public JsonElement CreatedCard(PartnershipContext partnership, string language, bool universalActions, IReadOnlyList<CardButton>? nextSteps = null)
    {
        var forCoordinator = nextSteps is not null;
        ArgumentNullException.ThrowIfNull(partnership);
        var data = new NoticeCardData
        {
            Title = text.Format(language, "Partnering.Created.Title", partnership.Id),
            Text = text.Format(language, forCoordinator ? "Partnering.Created.ForCoordinator" : "Partnering.Created.Text", partnership.Pair),
            Color = "Good",
            Facts = Facts(partnership, language),
            Note = text.Get(language, forCoordinator ? "Partnering.Created.CoordinatorNext" : "Partnering.Created.Next"),
            Actions = nextSteps ?? [],
        };
        return cards.Bind(NoticeCardData.Template, data, NoticeJsonContext.Default.NoticeCardData, universalActions);
    }

    /// <summary>"The action list is agreed: the partnership is active" — to every representative, with the agreed activities.</summary>
    public async Task<int> ActiveAsync(CcapDbContext db, PartnershipContext partnership, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partnership);
        var agreed = partnership.Partnership.CurrentActionList;
        if (agreed is null) return 0;
        var recipients = await audience.RepresentativesAsync(db, [.. partnership.Cities.Keys], cancellationToken);
        return await copies.NotifyAsync(db, $"p{partnership.Id}:agreed:{agreed.Number}", Topic(partnership.Id), recipients,
            r => Message(ActiveCard(partnership, agreed, r.Language, r.UniversalActions), text.Format(r.Language, "Partnering.Active.Title", partnership.Id)),
            cancellationToken);
    }

    public JsonElement ActiveCard(PartnershipContext partnership, ActionListVersion agreed, string language, bool universalActions)
    {
        ArgumentNullException.ThrowIfNull(partnership);
        ArgumentNullException.ThrowIfNull(agreed);
        var data = new NoticeCardData
        {
            Title = text.Format(language, "Partnering.Active.Title", partnership.Id),
            Text = text.Format(language, agreed.Number == 1 ? "Partnering.Active.Text" : "Partnering.Active.Changed", partnership.Pair, agreed.Number),
            Color = "Good",
            Facts = [.. agreed.Items.OrderBy(i => i.Number).Select(i => new CardFact(
                i.Number + ". " + i.Title, text.Format(language, "Partnering.Active.Item", partnership.CityName(i.OwnerCityId), text.Date(i.DueDate, language))))],
            Note = text.Format(language, "Partnering.Active.Completion", text.Date(agreed.CompletionDate, language)),
        };
        return cards.Bind(NoticeCardData.Template, data, NoticeJsonContext.Default.NoticeCardData, universalActions);
    }

    public IReadOnlyList<CardFact> Facts(PartnershipContext partnership, string language)
    {
        ArgumentNullException.ThrowIfNull(partnership);
        var facts = partnership.OrderedCities.Select(c => new CardFact(
            text.Role(partnership.Partnership.Cities.Single(pc => pc.CityId == c.Id).Role, language),
            text.Format(language, "Partnering.CityLine", c.Name, c.CountryCode, c.TimeZone))).ToList();
        facts.Add(new CardFact(text.Get(language, "Partnering.Fact.Area"), partnership.CategoryName(language)));
        facts.Add(new CardFact(text.Get(language, "Partnering.Fact.Purpose"), partnership.Partnership.Purpose));
        facts.Add(new CardFact(text.Get(language, "Partnering.Fact.Status"), text.Status(partnership.Partnership.Status, language)));
        return facts;
    }

    private static Activity Message(JsonElement card, string summary) =>
        new() { Type = ActivityTypes.Message, Summary = summary, Attachments = [Attachment.AdaptiveCard(card)] };
}
