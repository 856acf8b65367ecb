using System.Globalization;
using System.Text.Json;
using CcapBot.Cards;
using CcapBot.Conversations.Forms;
using CcapBot.Domain;
using CcapBot.Features.Applications;
using CcapBot.Features.Registration;
using CcapBot.Localization;
using CcapBot.Persistence;

namespace CcapBot.Features.Review;

/// <summary>
/// The cards of a review, in the reader's language and time zone: the review card (open, or decided), and the
/// outcome the applicant gets. A submission's facts are the form's own labels and answer texts, so the coordinator
/// reads exactly what the applicant confirmed.
/// </summary>
public sealed class ReviewCards(CcapDbContext db, CardBinder cards, Localizer text, FormText formText, FieldParser parser, TimeProvider clock)
{
    private ActionCatalog? _catalog;

    public async Task<JsonElement> ReviewAsync(ReviewItem item, string language, TimeZoneInfo zone, bool universalActions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var (title, color) = Status(item, language, zone);
        var data = new ReviewCardData
        {
            Title = Title(item, language),
            Subtitle = text.Format(language, "Review.Submitted", item.Submitter.Name, item.Submitter.Email, When(item.SubmittedAt, language, zone)),
            Facts = await FactsAsync(item, language, cancellationToken),
            Open = item.Status == ReviewStatus.Submitted,
            Status = title,
            StatusColor = color,
            ReasonLabel = text.Get(language, "Review.ReasonLabel"),
            ReasonPlaceholder = text.Get(language, "Review.ReasonPlaceholder"),
            ReasonError = text.Get(language, "Review.ReasonRequired"),
            ApproveLabel = text.Get(language, "Review.Approve"),
            ReturnLabel = text.Get(language, "Review.Return"),
            Subject = ReviewItem.Name(item.Subject),
            Id = item.Id,
            Round = item.Round,
        };
        return cards.Bind("review", data, ReviewCardsJsonContext.Default.ReviewCardData, universalActions);
    }

    /// <summary>What the applicant is told once a coordinator decided, with what to do next.</summary>
    public JsonElement Outcome(ReviewItem item, string language, bool universalActions)
    {
        ArgumentNullException.ThrowIfNull(item);
        var approved = item.Status == ReviewStatus.Approved;
        var by = item.ReviewedBy ?? "";
        var status = text.Get(language, "Status.Button.Status");
        OutcomeCardData data;
        if (item.Registration is { } registration)
        {
            var join = registration.Kind == RegistrationKind.JoinCity;
            data = new OutcomeCardData
            {
                Title = text.Get(language, approved ? "Review.Outcome.Registration.Approved.Title" : "Review.Outcome.Registration.Returned.Title"),
                Color = approved ? "Good" : "Warning",
                Text = text.Format(language, (approved, join) switch
                {
                    (true, true) => "Review.Outcome.Join.Approved",
                    (true, false) => "Review.Outcome.Registration.Approved",
                    (false, true) => "Review.Outcome.Join.Returned",
                    _ => "Review.Outcome.Registration.Returned",
                }, item.City.Name, by),
                Reason = item.Reason ?? "",
                ReasonLabel = text.Get(language, "Review.Outcome.ReasonLabel"),
                Buttons = approved
                    ? [new(text.Get(language, "Status.Button.ApplyLearning"), ApplicationForm.CommandId, Kind: "learning"),
                       new(text.Get(language, "Status.Button.ApplyMentor"), ApplicationForm.CommandId, Kind: "mentor"),
                       new(status, StatusCommand)]
                    : [new(text.Get(language, "Review.Outcome.Resubmit"), RegistrationForm.CommandId)],
            };
        }
        else
        {
            var application = item.Application!;
            data = new OutcomeCardData
            {
                Title = text.Get(language, approved ? "Review.Outcome.Application.Approved.Title" : "Review.Outcome.Application.Returned.Title"),
                Color = approved ? "Good" : "Warning",
                Text = text.Format(language, approved ? "Review.Outcome.Application.Approved" : "Review.Outcome.Application.Returned",
                    KindName(application.Kind, language), item.City.Name, by),
                Reason = item.Reason ?? "",
                ReasonLabel = text.Get(language, "Review.Outcome.ReasonLabel"),
                Buttons = approved
                    ? [new(status, StatusCommand)]
                    : [new(text.Get(language, "Review.Outcome.Resubmit"), ApplicationForm.CommandId, Resubmit: application.Id)],
            };
        }
        return cards.Bind("review-outcome", data, ReviewCardsJsonContext.Default.OutcomeCardData, universalActions);
    }

    /// <summary>The command id of "my status" (Features/Status), named here so outcome buttons need no reference to it.</summary>
    public const string StatusCommand = "status";

    public string Title(ReviewItem item, string language)
    {
        ArgumentNullException.ThrowIfNull(item);
        var city = CityAndCountry(item.City, language);
        return item switch
        {
            { Registration.Kind: RegistrationKind.JoinCity } => text.Format(language, "Review.Title.Join", item.Submitter.Name, city),
            { Registration: not null } => text.Format(language, "Review.Title.NewCity", city),
            { Application.Kind: ApplicationKind.Mentor } => text.Format(language, "Review.Title.Mentor", city),
            _ => text.Format(language, "Review.Title.Learning", city),
        };
    }

    /// <summary>The decision line ("✔ Approved by … on …") and its colour; empty while waiting.</summary>
    public (string Text, string Color) Status(ReviewItem item, string language, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(item);
        var when = item.ReviewedAt is { } at ? When(at, language, zone) : "";
        return item.Status switch
        {
            ReviewStatus.Approved => ("✔ " + text.Format(language, "Review.Status.Approved", item.ReviewedBy, when), "Good"),
            ReviewStatus.Returned => ("↩ " + text.Format(language, "Review.Status.Returned", item.ReviewedBy, when, item.Reason), "Warning"),
            ReviewStatus.Withdrawn => (text.Format(language, "Review.Status.Withdrawn", item.ReviewedBy, when), "Default"),
            _ => ("", "Default"),
        };
    }

    public async Task<IReadOnlyList<CardFact>> FactsAsync(ReviewItem item, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        FormDefinition form;
        Dictionary<string, JsonElement> answers;
        var facts = new List<CardFact>();
        if (item.Registration is { } registration)
        {
            // A join request is only visible as one when the city counts as approved (as it did in the form).
            Dictionary<string, CityStatus> known = registration.Kind == RegistrationKind.JoinCity ? new() { [item.City.Key] = CityStatus.Approved } : [];
            form = RegistrationForm.Build(known);
            answers = RegistrationForm.AnswersOf(registration, item.City, item.Submitter);
        }
        else
        {
            var application = item.Application!;
            form = ApplicationForm.Build(await CatalogAsync(cancellationToken));
            answers = ApplicationForm.AnswersOf(application);
            facts.Add(new CardFact(text.Get(language, "Review.Fact.City"), CityAndCountry(item.City, language)));
        }
        var now = clock.GetUtcNow();
        var context = new FieldContext(form, language, now, DateOnly.FromDateTime(now.UtcDateTime), null, new FormAnswers(answers));
        facts.AddRange(form.VisibleFields(context.Answers).Select(f =>
            new CardFact(formText.Label(form, f, language), parser.Display(context, f, answers.TryGetValue(f.Id, out var value) ? value : null))));
        return facts;
    }

    public string KindName(ApplicationKind kind, string language) =>
        text.Get(language, kind == ApplicationKind.Mentor ? "Review.Kind.Mentor" : "Review.Kind.Learning");

    public static string CityAndCountry(City city, string language)
    {
        ArgumentNullException.ThrowIfNull(city);
        var country = ReferenceData.CountriesByCode.TryGetValue(city.CountryCode, out var c) ? c.Name(language) : city.CountryCode;
        return $"{city.Name}, {country}";
    }

    /// <summary>An instant as the reader reads it: their zone, their language ("3/3/2026 10:05 AM").</summary>
    public static string When(DateTimeOffset instant, string language, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("g", CultureInfo.GetCultureInfo(Languages.Culture(language)));

    private async Task<ActionCatalog> CatalogAsync(CancellationToken cancellationToken) => _catalog ??= await ActionCatalog.LoadAsync(db, cancellationToken);
}
