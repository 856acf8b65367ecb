using System.Globalization;
using System.Text.Json;
using CcapBot.Conversations;
using CcapBot.Conversations.Dialogs;
using CcapBot.Conversations.Forms;
using CcapBot.Domain;
using CcapBot.Features.Access;
using CcapBot.Features.Review;
using CcapBot.Localization;
using CcapBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Features.Applications;

/// <summary>
/// "Withdraw": a representative takes back one of their city's open applications (waiting for review, or approved
/// and not yet in a partnership). Waiting review cards then show it as withdrawn, so no coordinator decides it.
/// </summary>
public sealed class WithdrawForm(CcapDbContext db, ActorResolver actors, ReviewRequests reviews, ReviewCards cards, Localizer text) : IForm
{
    public const string Id = "withdraw";

    public static CommandDefinition Command { get; } = new("withdraw");

    private IReadOnlyList<Application> _open = [];

    public FormDefinition Definition { get; private set; } = Build([], _ => []);

    private static FormDefinition Build(IReadOnlyList<string> values, Func<FieldContext, IReadOnlyList<FieldOption>> options) => new()
    {
        Id = Id,
        Fields = [Field.Choice("application", [.. values]).WithOptions(options)],
    };

    public async Task<string?> RefuseStartAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var actor = await actors.ResolveAsync(turn, cancellationToken);
        if (actor.CityId is null) return text.Get(turn.Language, "Application.NotRegistered");
        await LoadAsync(actor.CityId.Value, cancellationToken);
        return _open.Count == 0 ? text.Get(turn.Language, "Withdraw.NothingOpen") : null;
    }

    public async Task PrepareAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var actor = await actors.ResolveAsync(turn, cancellationToken);
        if (actor.CityId is { } cityId) await LoadAsync(cityId, cancellationToken);
        var catalog = await ActionCatalog.LoadAsync(db, cancellationToken);
        var open = _open;
        Definition = Build([.. open.Select(a => Value(a.Id))], context => [.. open.Select(a => new FieldOption(Value(a.Id),
            text.Format(context.Language, "Withdraw.Option", a.Id, cards.KindName(a.Kind, context.Language),
                string.Join(", ", a.Categories.Select(c => catalog.CategoryName(c, context.Language))),
                text.Get(context.Language, $"Status.Review.{a.Status}")),
            [Value(a.Id)]))]);
    }

    public Task<IReadOnlyDictionary<string, JsonElement>> PrefillAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var answers = new Dictionary<string, JsonElement>();
        if (_open.Count == 1) Answer.Set(answers, "application", Value(_open[0].Id));
        return Task.FromResult<IReadOnlyDictionary<string, JsonElement>>(answers);
    }

    public async Task<string> CompleteAsync(TurnContext turn, FormAnswers answers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(answers);
        var actor = await actors.ResolveAsync(turn, cancellationToken);
        var id = int.Parse(answers.Text("application")!, CultureInfo.InvariantCulture);
        var item = await ReviewItem.LoadAsync(db, ReviewSubject.Application, id, cancellationToken);
        // Re-checked: it may have been decided, withdrawn or partnered since the question was asked.
        if (item is null || actor.CityId != item.City.Id || !await IsOpenAsync(item.Application!, cancellationToken))
            return text.Get(turn.Language, "Withdraw.NotOpen");

        var wasWaiting = item.Status == ReviewStatus.Submitted;
        var application = item.Application!;
        application.Status = ReviewStatus.Withdrawn;
        application.ReviewedBy = actor.Name is { Length: > 0 } name ? name : actor.UserId;
        application.ReviewedAt = turn.Now;
        application.Reason = null;
        Audit.Record(db, actor, turn.Now, "application.withdrawn", nameof(Application), application.Id);
        if (wasWaiting) await reviews.CloseAsync(item, cancellationToken);
        return text.Format(turn.Language, "Withdraw.Done", application.Id);
    }

    private async Task LoadAsync(int cityId, CancellationToken cancellationToken)
    {
        var candidates = await db.Applications.AsNoTracking()
            .Where(a => a.CityId == cityId && (a.Status == ReviewStatus.Submitted || a.Status == ReviewStatus.Approved))
            .OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var partnered = await PartneredAsync([.. candidates.Select(a => a.Id)], cancellationToken);
        _open = [.. candidates.Where(a => !partnered.Contains(a.Id))];
    }

    private async Task<bool> IsOpenAsync(Application application, CancellationToken cancellationToken) =>
        application.Status is ReviewStatus.Submitted or ReviewStatus.Approved && (await PartneredAsync([application.Id], cancellationToken)).Count == 0;

    /// <summary>Applications a partnership was made from: withdrawing those is ending a partnership, not this.</summary>
    private async Task<HashSet<int>> PartneredAsync(List<int> ids, CancellationToken cancellationToken) =>
        [.. await db.PartnershipCities.AsNoTracking().Where(c => c.ApplicationId != null && ids.Contains(c.ApplicationId.Value)).Select(c => c.ApplicationId!.Value).ToListAsync(cancellationToken)];

    private static string Value(int id) => id.ToString(CultureInfo.InvariantCulture);
}
