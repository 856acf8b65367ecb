using CcapBot.Domain;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Persistence;

/// <summary>
/// The one database context, used directly by features (no repositories). Each provider has its own
/// migration set through a derived context (<see cref="SqliteCcapDbContext"/>, <see cref="SqlServerCcapDbContext"/>);
/// everything else asks for CcapDbContext.
/// Add a migration to both sets after a model change:
///   dotnet ef migrations add &lt;Name&gt; --project CcapBot --context SqliteCcapDbContext --output-dir Persistence/Migrations/Sqlite
///   dotnet ef migrations add &lt;Name&gt; --project CcapBot --context SqlServerCcapDbContext --output-dir Persistence/Migrations/SqlServer
/// then regenerate the production script (README, "Production database").
/// </summary>
public abstract class CcapDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<ConversationMember> ConversationMembers => Set<ConversationMember>();
    public DbSet<ProcessedActivity> ProcessedActivities => Set<ProcessedActivity>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<DirectLineConversation> DirectLineConversations => Set<DirectLineConversation>();
    public DbSet<DirectLineActivity> DirectLineActivities => Set<DirectLineActivity>();
    public DbSet<UserProfile> UserProfiles => Set<UserProfile>();

    public DbSet<City> Cities => Set<City>();
    public DbSet<Representative> Representatives => Set<Representative>();
    public DbSet<RepresentativeIdentity> RepresentativeIdentities => Set<RepresentativeIdentity>();
    public DbSet<Registration> Registrations => Set<Registration>();
    public DbSet<Application> Applications => Set<Application>();
    public DbSet<ActionCategory> ActionCategories => Set<ActionCategory>();
    public DbSet<ActionListTemplate> ActionListTemplates => Set<ActionListTemplate>();
    public DbSet<TemplateActivity> TemplateActivities => Set<TemplateActivity>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<CoordinatorGrant> CoordinatorGrants => Set<CoordinatorGrant>();

    public DbSet<MatchSuggestion> MatchSuggestions => Set<MatchSuggestion>();
    public DbSet<Partnership> Partnerships => Set<Partnership>();
    public DbSet<PartnershipCity> PartnershipCities => Set<PartnershipCity>();
    public DbSet<LaunchMeeting> LaunchMeetings => Set<LaunchMeeting>();
    public DbSet<MeetingRsvp> MeetingRsvps => Set<MeetingRsvp>();
    public DbSet<ActionListVersion> ActionListVersions => Set<ActionListVersion>();
    public DbSet<PartnershipActivity> PartnershipActivities => Set<PartnershipActivity>();
    public DbSet<ActivityUpdate> ActivityUpdates => Set<ActivityUpdate>();
    public DbSet<PartnershipResult> PartnershipResults => Set<PartnershipResult>();

    public DbSet<SchedulerCursor> SchedulerCursors => Set<SchedulerCursor>();
    public DbSet<ReminderSnooze> ReminderSnoozes => Set<ReminderSnooze>();
    public DbSet<PendingStatusUpdate> PendingStatusUpdates => Set<PendingStatusUpdate>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CcapDbContext).Assembly, t => t.Namespace == typeof(CcapDbContext).Namespace + ".Configurations");
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Instants are UTC DateTimeOffset everywhere; SQLite cannot order DateTimeOffset natively, so the
        // SQLite context stores them as ticks (see SqliteCcapDbContext).
        configurationBuilder.Properties<string>().HaveMaxLength(400);
    }
}

public sealed class SqliteCcapDbContext(DbContextOptions<SqliteCcapDbContext> options) : CcapDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite has no DateTimeOffset type; UTC ticks keep comparisons and ORDER BY in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
    }
}

public sealed class SqlServerCcapDbContext(DbContextOptions<SqlServerCcapDbContext> options) : CcapDbContext(options);

internal sealed class UtcTicksConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
