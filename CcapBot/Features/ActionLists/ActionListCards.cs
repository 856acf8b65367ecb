using System.Globalization;
using System.Text.Json;
using CcapBot.Cards;
using CcapBot.Domain;
using CcapBot.Features.Access;
using CcapBot.Features.LaunchMeetings;
using CcapBot.Features.Partnering;
using CcapBot.Persistence;

namespace CcapBot.Features.ActionLists;

/// <summary>
/// An action list version as everyone in the partnership sees it: the activities with owner and due date, the
/// completion date, which city has agreed, the history of versions; Agree for a city that has not, Propose changes
/// for anyone of the partnership. Every participant holds a copy, updated in place as cities agree, and a version
/// replaced by a newer one says so.
/// </summary>
public sealed class ActionListCards(Audience audience, CardCopies copies, CardBinder cards, PartneringText text)
{
    public const string Template = "action-list";

    public static string Topic(int partnershipId, int version) => $"actionlist:{partnershipId}:{version}";

    /// <summary>
    /// Sends the version to every representative of the partnership's cities (and <paramref name="coordinator"/>, if a
    /// coordinator proposed it) who has no copy yet, and updates the copies already sent.
    /// </summary>
    public async Task<int> PublishAsync(CcapDbContext db, PartnershipContext partnership, ActionListVersion version, Recipient? coordinator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partnership);
        ArgumentNullException.ThrowIfNull(version);
        List<Recipient> recipients = [.. await audience.RepresentativesAsync(db, [.. partnership.Cities.Keys], cancellationToken)];
        if (coordinator is { IsCoordinator: true }) recipients.Add(coordinator);
        return await PublishAsync(db, partnership, version, recipients, cancellationToken);
    }

    /// <summary>Only the copies already sent (e.g. of a version just replaced): nobody new gets it.</summary>
    public Task<int> UpdateCopiesAsync(CcapDbContext db, PartnershipContext partnership, ActionListVersion version, CancellationToken cancellationToken) =>
        PublishAsync(db, partnership, version, [], cancellationToken);

    private Task<int> PublishAsync(CcapDbContext db, PartnershipContext partnership, ActionListVersion version, IEnumerable<Recipient> recipients, CancellationToken cancellationToken) =>
        copies.PublishAsync(db, Topic(partnership.Id, version.Number), "v" + partnership.Partnership.Version.ToString(CultureInfo.InvariantCulture), recipients,
            (reader, everyone) => (Render(partnership, version, reader, LaunchMeetingCards.TeamsUsers(everyone)),
                text.Format(reader.Language, "ActionList.Card.Title", version.Number, partnership.Id)),
            cancellationToken);

    public JsonElement Render(PartnershipContext partnership, ActionListVersion version, Recipient reader, IReadOnlyList<string> teamsUsers)
    {
        ArgumentNullException.ThrowIfNull(partnership);
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(reader);
        var language = reader.Language;
        var p = partnership.Partnership;
        var zone = reader.OwnZone ?? (reader.CityId is { } c && partnership.Cities.TryGetValue(c, out var city) ? Conversations.Forms.TimeZones.TryFind(city.TimeZone) : null) ?? TimeZoneInfo.Utc;
        var latest = p.ActionLists.Max(v => v.Number);
        var agreedCount = p.Cities.Count(pc => version.IsAgreedBy(pc.CityId));
        var participant = reader.CityId is { } readerCity && p.Includes(readerCity);
        var (status, color) = version.Status switch
        {
            ActionListStatus.Proposed => (text.Format(language, "ActionList.Card.Waiting", agreedCount, p.Cities.Count), "Warning"),
            ActionListStatus.Agreed => (text.Get(language, p.Status == PartnershipStatus.Active ? "ActionList.Card.AgreedActive" : "ActionList.Card.Agreed"), "Good"),
            _ => (text.Format(language, "ActionList.Card.Replaced", latest), "Attention"),
        };
        var data = new ActionListCardData
        {
            Title = text.Format(language, "ActionList.Card.Title", version.Number, partnership.Id),
            Subtitle = text.Format(language, "Launch.Card.Subtitle", partnership.Pair, partnership.CategoryName(language)),
            Status = status,
            StatusColor = color,
            Items = [.. version.Items.OrderBy(i => i.Number).Select(i => new ActionListItemData(
                i.Number.ToString(CultureInfo.InvariantCulture) + ". " + i.Title,
                text.Format(language, "ActionList.Card.Detail", partnership.CityName(i.OwnerCityId), text.Date(i.DueDate, language)),
                i.Description ?? ""))],
            Completion = text.Format(language, "ActionList.Card.Completion", text.Date(version.CompletionDate, language)),
            AgreementsLabel = text.Get(language, "ActionList.Card.Agreements"),
            Agreements = [.. partnership.OrderedCities.Select(c => new CardFact(c.Name, version.Agreements.FirstOrDefault(a => a.CityId == c.Id) is { } agreement
                ? text.Format(language, "ActionList.Card.AgreedBy", partnership.RepresentativeName(agreement.RepresentativeId),
                    text.Date(DateOnly.FromDateTime(Domain.ZonedTime.InZone(agreement.AgreedAt, zone).DateTime), language))
                : version.Status == ActionListStatus.Proposed ? text.Get(language, "ActionList.Card.NotYet") : "—"))],
            History = p.ActionLists.Count > 1 ? History(p, version, zone, language) : "",
            CanAgree = version.Status == ActionListStatus.Proposed && participant && !version.IsAgreedBy(reader.CityId!.Value) && !p.IsEnded,
            AgreeLabel = text.Format(language, "ActionList.Card.Agree", reader.CityId is { } own ? partnership.CityName(own) : ""),
            CanChange = version.Number == latest && version.Status != ActionListStatus.Superseded && (participant || reader.IsCoordinator) && !p.IsEnded,
            ChangeLabel = text.Get(language, "ActionList.Card.Change"),
            Partnership = partnership.Id,
            Version = version.Number,
            Refreshable = reader.UniversalActions && teamsUsers.Count > 0,
            RefreshUserIds = teamsUsers,
        };
        return cards.Bind(Template, data, ActionListCardsJsonContext.Default.ActionListCardData, reader.UniversalActions);
    }

    /// <summary>"History: v1 agreed 3 Mar 2026 · v2 proposed 10 Apr 2026 (this one)": nothing is lost when a list changes.</summary>
    private string History(Partnership partnership, ActionListVersion shown, TimeZoneInfo zone, string language)
    {
        var entries = partnership.ActionLists.OrderBy(v => v.Number).Select(v =>
        {
            var (key, at) = v.AgreedAt is { } agreed ? ("ActionList.History.Agreed", agreed) : ("ActionList.History.Proposed", v.ProposedAt);
            var entry = text.Format(language, key, v.Number, text.Date(DateOnly.FromDateTime(Domain.ZonedTime.InZone(at, zone).DateTime), language));
            return v.Number == shown.Number ? text.Format(language, "ActionList.History.This", entry) : entry;
        });
        return text.Format(language, "ActionList.History", string.Join(" · ", entries));
    }
}
