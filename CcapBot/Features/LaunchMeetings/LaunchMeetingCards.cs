using System.Globalization;
using System.Text.Json;
using CcapBot.Cards;
using CcapBot.Conversations.Forms;
using CcapBot.Domain;
using CcapBot.Features.Access;
using CcapBot.Features.Partnering;
using CcapBot.Persistence;

namespace CcapBot.Features.LaunchMeetings;

/// <summary>
/// The launch meeting invitation: one instant shown in each city's own time, the reader's city first; the answers
/// so far; Accept / Decline / Propose another time for representatives; Reschedule / Cancel for coordinators. Every
/// participant holds a copy, updated in place on every answer, reschedule or cancellation.
/// </summary>
public sealed class LaunchMeetingCards(Audience audience, CardCopies copies, CardBinder cards, PartneringText text)
{
    public const string Template = "launch-meeting";
    /// <summary>Teams refreshes a card for at most 60 listed users.</summary>
    public const int MaxRefreshUsers = 60;
    public static IReadOnlyList<int> Durations { get; } = [30, 45, 60, 90, 120, 180];

    public static string Topic(int partnershipId, int meetingNumber) => $"launch:{partnershipId}:{meetingNumber}";

    /// <summary>
    /// Sends the invitation to every representative of the partnership's cities (and <paramref name="coordinator"/>, who
    /// scheduled it) who has none yet, and updates every copy already sent, in <paramref name="db"/>'s unit of work.
    /// </summary>
    public async Task<int> PublishAsync(CcapDbContext db, PartnershipContext partnership, LaunchMeeting meeting, Recipient? coordinator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partnership);
        ArgumentNullException.ThrowIfNull(meeting);
        List<Recipient> recipients = [.. await audience.RepresentativesAsync(db, [.. partnership.Cities.Keys], cancellationToken)];
        if (coordinator is { IsCoordinator: true }) recipients.Add(coordinator);
        return await copies.PublishAsync(db, Topic(partnership.Id, meeting.Number), "v" + partnership.Partnership.Version.ToString(CultureInfo.InvariantCulture), recipients,
            (reader, everyone) => (Render(partnership, meeting, reader, TeamsUsers(everyone)), Summary(partnership, meeting, reader.Language)), cancellationToken);
    }

    /// <summary>The Teams users holding a copy: their cards refresh themselves when opened (Universal Actions).</summary>
    public static IReadOnlyList<string> TeamsUsers(IEnumerable<Recipient> everyone) =>
        [.. everyone.Where(r => r.UniversalActions && r.UserId.Length > 0).Select(r => r.UserId).Distinct(StringComparer.Ordinal).Take(MaxRefreshUsers)];

    public string Summary(PartnershipContext partnership, LaunchMeeting meeting, string language)
    {
        ArgumentNullException.ThrowIfNull(partnership);
        ArgumentNullException.ThrowIfNull(meeting);
        return text.Format(language, "Launch.Card.Title", partnership.Id);
    }

    /// <summary>The zone a reader enters and reads times in: a representative's city's, else their own, else the organiser's.</summary>
    public static string ZoneOf(PartnershipContext partnership, LaunchMeeting meeting, Recipient reader)
    {
        ArgumentNullException.ThrowIfNull(partnership);
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(reader);
        if (reader.CityId is { } cityId && partnership.Cities.TryGetValue(cityId, out var city) && TimeZones.TryFind(city.TimeZone) is not null) return city.TimeZone;
        return reader.OwnZone?.Id ?? meeting.OrganiserTimeZone;
    }

    public JsonElement Render(PartnershipContext partnership, LaunchMeeting meeting, Recipient reader, IReadOnlyList<string> teamsUsers)
    {
        ArgumentNullException.ThrowIfNull(partnership);
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(reader);
        var language = reader.Language;
        var p = partnership.Partnership;
        var zoneId = ZoneOf(partnership, meeting, reader);
        var zone = TimeZones.TryFind(zoneId) ?? TimeZoneInfo.Utc;
        var places = partnership.CitiesFor(reader.CityId).Select(c => (c.Name, c.TimeZone)).ToList();
        var inCityZones = places.Any(c => c.TimeZone == zoneId);
        var tally = meeting.Tally();
        var mine = reader.Representative is { } me ? meeting.CurrentRsvps.FirstOrDefault(r => r.RepresentativeId == me.Id) : null;
        var open = meeting.IsOpen && !p.IsEnded;
        var startsLocal = ZonedTime.InZone(meeting.StartsAt, zone);
        var data = new MeetingCardData
        {
            Title = text.Format(language, "Launch.Card.Title", partnership.Id),
            Subtitle = text.Format(language, "Launch.Card.Subtitle", partnership.Pair, partnership.CategoryName(language)),
            Status = text.Get(language, "Launch.Status." + meeting.Status),
            StatusColor = meeting.Status switch
            {
                LaunchMeetingStatus.Cancelled => "Attention",
                LaunchMeetingStatus.Rescheduled => "Warning",
                LaunchMeetingStatus.Held => "Good",
                _ => "Default",
            },
            WhenLabel = text.Get(language, "Launch.Card.When"),
            When = text.Places(meeting.StartsAt, places, language),
            YourTime = inCityZones ? "" : text.Format(language, "Launch.Card.YourTime", text.DateTime(meeting.StartsAt, zone, language), zoneId),
            Facts = [new CardFact(text.Get(language, "Launch.Card.Duration"), text.Format(language, "Launch.Card.Minutes", meeting.DurationMinutes))],
            Agenda = meeting.Agenda is { } agenda ? text.Format(language, "Launch.Card.AgendaText", agenda) : "",
            JoinLabel = text.Get(language, "Launch.Card.Join"),
            JoinUrl = open ? meeting.JoinLink ?? "" : "",
            Tally = text.Format(language, "Launch.Card.Tally", tally.Accepted, tally.Declined, tally.ProposedOtherTime),
            Responses = [.. meeting.CurrentRsvps.OrderBy(r => r.At).ThenBy(r => r.Id).Select(r => new CardFact(
                text.Format(language, "Launch.Card.Who", partnership.RepresentativeName(r.RepresentativeId), partnership.CityName(r.CityId)),
                Answer(r, zone, zoneId, language)))],
            YourAnswer = mine is null ? "" : text.Format(language, "Launch.Card.YourAnswer", Answer(mine, zone, zoneId, language)),

            CanRespond = open && reader.CityId is { } cityId && p.Includes(cityId),
            AcceptLabel = text.Get(language, "Launch.Card.Accept"),
            DeclineLabel = text.Get(language, "Launch.Card.Decline"),
            ProposeLabel = text.Get(language, "Launch.Card.Propose"),
            ProposeHint = text.Format(language, "Launch.Card.EnterIn", zoneId),
            ProposeDateLabel = text.Get(language, "Launch.Card.Date"),
            ProposeTimeLabel = text.Get(language, "Launch.Card.Time"),
            ProposeDate = startsLocal.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ProposeTime = startsLocal.ToString("HH:mm", CultureInfo.InvariantCulture),
            ProposeSendLabel = text.Get(language, "Launch.Card.ProposeSend"),

            CanManage = open && reader.IsCoordinator,
            RescheduleLabel = text.Get(language, "Launch.Card.Reschedule"),
            RescheduleHint = text.Format(language, "Launch.Card.EnterIn", zoneId),
            NewDateLabel = text.Get(language, "Launch.Card.Date"),
            NewTimeLabel = text.Get(language, "Launch.Card.Time"),
            NewDurationLabel = text.Get(language, "Launch.Card.Duration"),
            NewDate = startsLocal.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            NewTime = startsLocal.ToString("HH:mm", CultureInfo.InvariantCulture),
            NewDuration = meeting.DurationMinutes.ToString(CultureInfo.InvariantCulture),
            Durations = DurationOptions(language, meeting.DurationMinutes),
            RescheduleSendLabel = text.Get(language, "Launch.Card.RescheduleSend"),
            CancelLabel = text.Get(language, "Launch.Card.Cancel"),
            CancelQuestion = text.Get(language, "Launch.Card.CancelQuestion"),
            CancelSendLabel = text.Get(language, "Launch.Card.CancelSend"),

            Partnership = partnership.Id,
            Meeting = meeting.Number,
            Revision = meeting.Revision,
            Zone = zoneId,
            Refreshable = reader.UniversalActions && teamsUsers.Count > 0,
            RefreshUserIds = teamsUsers,
        };
        return cards.Bind(Template, data, LaunchCardsJsonContext.Default.MeetingCardData, reader.UniversalActions);
    }

    /// <summary>The durations offered (and the current one, if it is not a usual one).</summary>
    public IReadOnlyList<CardOption> DurationOptions(string language, int? current = null) =>
        [.. Durations.Append(current ?? Durations[2]).Distinct().Order()
            .Select(m => new CardOption(text.Format(language, "Launch.Card.Minutes", m), m.ToString(CultureInfo.InvariantCulture)))];

    private string Answer(MeetingRsvp rsvp, TimeZoneInfo zone, string zoneId, string language) => rsvp.Response switch
    {
        RsvpResponse.Accept => text.Get(language, "Launch.Answer.Accept"),
        RsvpResponse.Decline => text.Get(language, "Launch.Answer.Decline"),
        _ => text.Format(language, "Launch.Answer.Propose", rsvp.ProposedStartsAt is { } at ? text.DateTime(at, zone, language) : "", zoneId),
    };

    /// <summary>A short confirmation for the coordinator who scheduled or moved it: the time in their zone and in each city's.</summary>
    public JsonElement ScheduledCard(PartnershipContext partnership, LaunchMeeting meeting, Recipient reader)
    {
        ArgumentNullException.ThrowIfNull(partnership);
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(reader);
        var language = reader.Language;
        var zoneId = ZoneOf(partnership, meeting, reader);
        var data = new NoticeCardData
        {
            Title = text.Format(language, "Launch.Scheduled.Title", partnership.Id),
            Text = text.Format(language, "Launch.Scheduled.Text", text.DateTime(meeting.StartsAt, TimeZones.TryFind(zoneId) ?? TimeZoneInfo.Utc, language), zoneId),
            Color = "Good",
            Facts =
            [
                new CardFact(text.Get(language, "Launch.Card.When"), text.Places(meeting.StartsAt, partnership.CitiesFor(null).Select(c => (c.Name, c.TimeZone)), language)),
                new CardFact(text.Get(language, "Launch.Card.Duration"), text.Format(language, "Launch.Card.Minutes", meeting.DurationMinutes)),
            ],
            Note = text.Get(language, "Launch.Scheduled.Invited"),
        };
        return cards.Bind(NoticeCardData.Template, data, NoticeJsonContext.Default.NoticeCardData, reader.UniversalActions);
    }

}
