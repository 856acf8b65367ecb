using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace CcapBot.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ActionCategories",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    NameVi = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionCategories", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    EntityType = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    EntityId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Details = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Cities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CountryCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Population = table.Column<int>(type: "INTEGER", nullable: true),
                    Agency = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    WorkingLanguages = table.Column<string>(type: "TEXT", nullable: false),
                    RoleInterest = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AqmCapacity = table.Column<string>(type: "TEXT", nullable: false),
                    ConsentToPublish = table.Column<bool>(type: "INTEGER", nullable: false),
                    AlternateContactName = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    AlternateContactEmail = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ConversationMembers",
                columns: table => new
                {
                    ChannelId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ConversationId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    AadObjectId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    ServiceUrl = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    BotId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    BotName = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    ConversationType = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    IsGroup = table.Column<bool>(type: "INTEGER", nullable: false),
                    ClientLocale = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    ClientTimeZone = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    FirstSeenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSeenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    WelcomedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DialogState = table.Column<string>(type: "TEXT", maxLength: 2147483647, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConversationMembers", x => new { x.ChannelId, x.ConversationId, x.UserId });
                });

            migrationBuilder.CreateTable(
                name: "CoordinatorGrants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Identity = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    GrantedBy = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    GrantedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoordinatorGrants", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DirectLineActivities",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConversationId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ActivityId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Json = table.Column<string>(type: "TEXT", maxLength: 2147483647, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectLineActivities", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "DirectLineConversations",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Locale = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastActivityAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectLineConversations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ChannelId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ServiceUrl = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    BotId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ConversationId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Activity = table.Column<string>(type: "TEXT", maxLength: 2147483647, nullable: false),
                    UpdateActivityId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    UpdateOfKey = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    LeaseUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SentActivityId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PendingStatusUpdates",
                columns: table => new
                {
                    ChannelId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ConversationId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Token = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Proposal = table.Column<string>(type: "TEXT", maxLength: 2147483647, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PendingStatusUpdates", x => new { x.ChannelId, x.ConversationId, x.UserId });
                });

            migrationBuilder.CreateTable(
                name: "ProcessedActivities",
                columns: table => new
                {
                    ChannelId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ConversationId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ActivityId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ProcessedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    InvokeStatus = table.Column<int>(type: "INTEGER", nullable: true),
                    InvokeBody = table.Column<string>(type: "TEXT", maxLength: 2147483647, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcessedActivities", x => new { x.ChannelId, x.ConversationId, x.ActivityId });
                });

            migrationBuilder.CreateTable(
                name: "ReminderSnoozes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChannelId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Until = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderSnoozes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SchedulerCursors",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TickedUntil = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SchedulerCursors", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "UserProfiles",
                columns: table => new
                {
                    ChannelId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    WorkStart = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    WorkEnd = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    AwayUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserProfiles", x => new { x.ChannelId, x.UserId });
                });

            migrationBuilder.CreateTable(
                name: "ActionListTemplates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CategoryCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    TitleVi = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Reviewed = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionListTemplates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionListTemplates_ActionCategories_CategoryCode",
                        column: x => x.CategoryCode,
                        principalTable: "ActionCategories",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Partnerships",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CategoryCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    CompletionDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CheckInCadenceDays = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConfirmedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ActivatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Partnerships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Partnerships_ActionCategories_CategoryCode",
                        column: x => x.CategoryCode,
                        principalTable: "ActionCategories",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Applications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Categories = table.Column<string>(type: "TEXT", nullable: false),
                    SpecificActions = table.Column<string>(type: "TEXT", nullable: false),
                    OtherNeeds = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    WaysOfWorking = table.Column<string>(type: "TEXT", nullable: false),
                    Contributions = table.Column<string>(type: "TEXT", nullable: false),
                    StaffHoursPerMonth = table.Column<int>(type: "INTEGER", nullable: true),
                    Constraints = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SubmittedByRepresentativeId = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Applications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Applications_Cities_CityId",
                        column: x => x.CityId,
                        principalTable: "Cities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Representatives",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    PreferredLanguage = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IsFocalPerson = table.Column<bool>(type: "INTEGER", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Representatives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Representatives_Cities_CityId",
                        column: x => x.CityId,
                        principalTable: "Cities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TemplateActivities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TemplateId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    TitleVi = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    DescriptionEn = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DescriptionVi = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TemplateActivities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TemplateActivities_ActionListTemplates_TemplateId",
                        column: x => x.TemplateId,
                        principalTable: "ActionListTemplates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ActionListVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ProposedByCityId = table.Column<int>(type: "INTEGER", nullable: true),
                    ProposedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletionDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AgreedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SupersededAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionListVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionListVersions_Cities_ProposedByCityId",
                        column: x => x.ProposedByCityId,
                        principalTable: "Cities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ActionListVersions_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LaunchMeetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DurationMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    JoinLink = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Agenda = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    OrganiserTimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OrganisedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LaunchMeetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LaunchMeetings_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MatchSuggestions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LearningApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    CandidateCityId = table.Column<int>(type: "INTEGER", nullable: false),
                    MentorApplicationId = table.Column<int>(type: "INTEGER", nullable: true),
                    Score = table.Column<double>(type: "REAL", nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: false),
                    Breakdown = table.Column<string>(type: "TEXT", maxLength: 2147483647, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatchSuggestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MatchSuggestions_Applications_LearningApplicationId",
                        column: x => x.LearningApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MatchSuggestions_Applications_MentorApplicationId",
                        column: x => x.MentorApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MatchSuggestions_Cities_CandidateCityId",
                        column: x => x.CandidateCityId,
                        principalTable: "Cities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MatchSuggestions_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PartnershipCities",
                columns: table => new
                {
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    CityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnershipCities", x => new { x.PartnershipId, x.CityId });
                    table.ForeignKey(
                        name: "FK_PartnershipCities_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PartnershipCities_Cities_CityId",
                        column: x => x.CityId,
                        principalTable: "Cities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PartnershipCities_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PartnershipResults",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    CityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Lessons = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Links = table.Column<string>(type: "TEXT", nullable: false),
                    ConsentToPublish = table.Column<bool>(type: "INTEGER", nullable: false),
                    RepresentativeId = table.Column<int>(type: "INTEGER", nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnershipResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartnershipResults_Cities_CityId",
                        column: x => x.CityId,
                        principalTable: "Cities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PartnershipResults_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PartnershipResults_Representatives_RepresentativeId",
                        column: x => x.RepresentativeId,
                        principalTable: "Representatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Registrations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CityId = table.Column<int>(type: "INTEGER", nullable: false),
                    RepresentativeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Registrations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Registrations_Cities_CityId",
                        column: x => x.CityId,
                        principalTable: "Cities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Registrations_Representatives_RepresentativeId",
                        column: x => x.RepresentativeId,
                        principalTable: "Representatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RepresentativeIdentities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RepresentativeId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChannelId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AadObjectId = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RepresentativeIdentities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RepresentativeIdentities_Representatives_RepresentativeId",
                        column: x => x.RepresentativeId,
                        principalTable: "Representatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PartnershipActivities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PartnershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    OwnerCityId = table.Column<int>(type: "INTEGER", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TemplateActivityId = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LastNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RemovedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnershipActivities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartnershipActivities_Cities_OwnerCityId",
                        column: x => x.OwnerCityId,
                        principalTable: "Cities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PartnershipActivities_Partnerships_PartnershipId",
                        column: x => x.PartnershipId,
                        principalTable: "Partnerships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PartnershipActivities_TemplateActivities_TemplateActivityId",
                        column: x => x.TemplateActivityId,
                        principalTable: "TemplateActivities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ActionListAgreement",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    CityId = table.Column<int>(type: "INTEGER", nullable: false),
                    RepresentativeId = table.Column<int>(type: "INTEGER", nullable: false),
                    AgreedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AgreedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionListAgreement", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionListAgreement_ActionListVersions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "ActionListVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ActionListAgreement_Cities_CityId",
                        column: x => x.CityId,
                        principalTable: "Cities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ActionListAgreement_Representatives_RepresentativeId",
                        column: x => x.RepresentativeId,
                        principalTable: "Representatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MeetingRsvps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LaunchMeetingId = table.Column<int>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    RepresentativeId = table.Column<int>(type: "INTEGER", nullable: false),
                    CityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Response = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ProposedStartsAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RespondedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingRsvps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingRsvps_Cities_CityId",
                        column: x => x.CityId,
                        principalTable: "Cities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MeetingRsvps_LaunchMeetings_LaunchMeetingId",
                        column: x => x.LaunchMeetingId,
                        principalTable: "LaunchMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MeetingRsvps_Representatives_RepresentativeId",
                        column: x => x.RepresentativeId,
                        principalTable: "Representatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ActionListItem",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    OwnerCityId = table.Column<int>(type: "INTEGER", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TemplateActivityId = table.Column<int>(type: "INTEGER", nullable: true),
                    RevisesActivityId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActionListItem", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActionListItem_ActionListVersions_VersionId",
                        column: x => x.VersionId,
                        principalTable: "ActionListVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ActionListItem_Cities_OwnerCityId",
                        column: x => x.OwnerCityId,
                        principalTable: "Cities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ActionListItem_PartnershipActivities_RevisesActivityId",
                        column: x => x.RevisesActivityId,
                        principalTable: "PartnershipActivities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ActionListItem_TemplateActivities_TemplateActivityId",
                        column: x => x.TemplateActivityId,
                        principalTable: "TemplateActivities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ActivityUpdates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ActivityId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RepresentativeId = table.Column<int>(type: "INTEGER", nullable: true),
                    ByCoordinator = table.Column<bool>(type: "INTEGER", nullable: false),
                    FromStatus = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ToStatus = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityUpdates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActivityUpdates_PartnershipActivities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "PartnershipActivities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ActivityUpdates_Representatives_RepresentativeId",
                        column: x => x.RepresentativeId,
                        principalTable: "Representatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "ActionCategories",
                columns: new[] { "Code", "Active", "NameEn", "NameVi", "SortOrder" },
                values: new object[,]
                {
                    { "bike-sharing", true, "Public bike-sharing", "Xe đạp công cộng", 2 },
                    { "commercial-cooking", true, "Reducing emissions from commercial cooking and grilling", "Giảm phát thải từ nấu nướng và nướng thực phẩm thương mại", 1 },
                    { "emissions-inventory", true, "Developing an emissions inventory", "Xây dựng kiểm kê phát thải", 4 },
                    { "low-emission-development", true, "Low-emission urban development", "Phát triển đô thị phát thải thấp", 5 },
                    { "other", true, "Other", "Khác", 99 },
                    { "port-operations", true, "Reducing emissions from port operations", "Giảm phát thải từ hoạt động cảng", 3 }
                });

            migrationBuilder.InsertData(
                table: "ActionListTemplates",
                columns: new[] { "Id", "CategoryCode", "Reviewed", "TitleEn", "TitleVi" },
                values: new object[,]
                {
                    { 1, "commercial-cooking", true, "Reducing emissions from commercial cooking and grilling", "Giảm phát thải từ nấu nướng và nướng thực phẩm thương mại" },
                    { 2, "bike-sharing", true, "Public bike-sharing", "Xe đạp công cộng" },
                    { 3, "port-operations", true, "Reducing emissions from port operations", "Giảm phát thải từ hoạt động cảng" },
                    { 4, "emissions-inventory", true, "Developing an emissions inventory", "Xây dựng kiểm kê phát thải" },
                    { 5, "low-emission-development", true, "Low-emission urban development", "Phát triển đô thị phát thải thấp" }
                });

            migrationBuilder.InsertData(
                table: "TemplateActivities",
                columns: new[] { "Id", "DescriptionEn", "DescriptionVi", "Order", "TemplateId", "TitleEn", "TitleVi" },
                values: new object[,]
                {
                    { 101, "List establishments by equipment (chain-driven or under-fired charbroilers, woks, fryers) and fuel.", "Lập danh sách cơ sở theo thiết bị (lò nướng xích, lò nướng than phía dưới, chảo, nồi chiên) và nhiên liệu.", 1, 1, "Inventory restaurants and street vendors", "Kiểm kê nhà hàng và người bán hàng rong" },
                    { 102, "Throughput × emission factor × control factor, following an area-source method.", "Sản lượng × hệ số phát thải × hệ số kiểm soát, theo phương pháp nguồn diện.", 2, 1, "Estimate cooking emissions", "Ước tính phát thải từ nấu nướng" },
                    { 103, "Catalytic oxidisers, hoods and filters, cleaner fuels: cost and fit for local kitchens.", "Bộ xúc tác oxy hóa, chụp hút và bộ lọc, nhiên liệu sạch hơn: chi phí và mức phù hợp với bếp địa phương.", 3, 1, "Review control technologies", "Rà soát công nghệ kiểm soát" },
                    { 104, "Compare charbroiling rules of other jurisdictions and what could apply locally.", "So sánh quy định về nướng thịt ở các địa phương khác và khả năng áp dụng tại địa phương.", 4, 1, "Review regulatory models", "Rà soát các mô hình quy định" },
                    { 105, "Agree a small pilot of cleaner equipment or practices with willing vendors.", "Thống nhất một thí điểm nhỏ về thiết bị hoặc cách làm sạch hơn với những người bán hàng sẵn sàng tham gia.", 5, 1, "Pilot with a vendor association", "Thí điểm với hiệp hội người bán hàng" },
                    { 106, "Training materials for vendors and options to finance equipment.", "Tài liệu đào tạo cho người bán hàng và các phương án tài chính cho thiết bị.", 6, 1, "Outreach, training and financing", "Truyền thông, đào tạo và tài chính" },
                    { 107, "Simple records and an inspection routine to keep controls working.", "Hồ sơ đơn giản và quy trình kiểm tra để duy trì hiệu quả kiểm soát.", 7, 1, "Record-keeping and inspection", "Lưu hồ sơ và kiểm tra" },
                    { 201, "What the system should achieve and how it will be measured.", "Hệ thống cần đạt được gì và đo lường như thế nào.", 1, 2, "Set goals and metrics", "Xác định mục tiêu và chỉ số" },
                    { 202, "System type, weather, topography, cycling infrastructure, political and legal context.", "Loại hệ thống, thời tiết, địa hình, hạ tầng xe đạp, bối cảnh chính trị và pháp lý.", 2, 2, "Feasibility study", "Nghiên cứu khả thi" },
                    { 203, "Station density and locations for the first phase.", "Mật độ và vị trí trạm cho giai đoạn đầu.", 3, 2, "Station and service-area plan", "Quy hoạch trạm và khu vực phục vụ" },
                    { 204, "Ownership, operator contract, revenue and procurement steps.", "Sở hữu, hợp đồng vận hành, doanh thu và các bước mua sắm.", 4, 2, "Business and financial model, procurement", "Mô hình kinh doanh, tài chính và mua sắm" },
                    { 205, "Stations at transit stops, fares and payment integration.", "Trạm tại điểm dừng giao thông công cộng, tích hợp giá vé và thanh toán.", 5, 2, "Integration with public transport", "Kết nối với giao thông công cộng" },
                    { 206, "Launch plan and campaign to win first users.", "Kế hoạch ra mắt và chiến dịch thu hút người dùng đầu tiên.", 6, 2, "Launch and marketing", "Ra mắt và quảng bá" },
                    { 207, "Regular ridership and maintenance reporting against the goals.", "Báo cáo định kỳ về lượt sử dụng và bảo trì so với mục tiêu.", 7, 2, "Monitor ridership", "Theo dõi lượt sử dụng" },
                    { 301, "Ocean-going vessels, harbour craft, cargo-handling equipment, drayage trucks, rail.", "Tàu biển, tàu cảng, thiết bị xếp dỡ, xe tải vận chuyển, đường sắt.", 1, 3, "Port emissions inventory by sector", "Kiểm kê phát thải cảng theo lĩnh vực" },
                    { 302, "Set up a forum with residents, port authority and operators.", "Thành lập diễn đàn với người dân, cảng vụ và doanh nghiệp khai thác.", 2, 3, "Community–port collaboration", "Hợp tác giữa cộng đồng và cảng" },
                    { 303, "Shore power, vessel speed reduction, equipment replacement or retrofit.", "Điện bờ, giảm tốc độ tàu, thay thế hoặc cải tạo thiết bị.", 3, 3, "Emission-reduction plan", "Kế hoạch giảm phát thải" },
                    { 304, "Grants, green port fees and incentives for cleaner equipment.", "Tài trợ, phí cảng xanh và ưu đãi cho thiết bị sạch hơn.", 4, 3, "Identify funding", "Xác định nguồn vốn" },
                    { 305, "Indicators and a yearly update of the inventory.", "Các chỉ số và cập nhật kiểm kê hằng năm.", 5, 3, "Track progress", "Theo dõi tiến độ" },
                    { 401, "Pollutants, base year and geographic domain.", "Chất ô nhiễm, năm cơ sở và phạm vi địa lý.", 1, 4, "Define scope", "Xác định phạm vi" },
                    { 402, "Point, area, mobile and natural sources relevant to the city.", "Nguồn điểm, nguồn diện, nguồn di động và nguồn tự nhiên liên quan đến thành phố.", 2, 4, "List source categories", "Lập danh mục nguồn thải" },
                    { 403, "Fuel use, traffic counts, industrial production and other activity data.", "Tiêu thụ nhiên liệu, lưu lượng giao thông, sản lượng công nghiệp và dữ liệu hoạt động khác.", 3, 4, "Collect activity data", "Thu thập dữ liệu hoạt động" },
                    { 404, "Local measurements where possible, otherwise documented international factors.", "Ưu tiên số liệu đo đạc tại địa phương, nếu không thì dùng hệ số quốc tế có tài liệu.", 4, 4, "Choose emission factors", "Lựa chọn hệ số phát thải" },
                    { 405, "Calculate emissions and run QA/QC checks.", "Tính toán phát thải và kiểm tra đảm bảo/kiểm soát chất lượng.", 5, 4, "Calculate and quality-check", "Tính toán và kiểm tra chất lượng" },
                    { 406, "Grid the emissions and add time profiles for modelling.", "Phân bổ phát thải theo lưới và bổ sung biến trình thời gian cho mô hình hóa.", 6, 4, "Spatial and temporal allocation", "Phân bổ theo không gian và thời gian" },
                    { 407, "Methods report and an update cycle; feed the clean air action plan.", "Báo cáo phương pháp và chu kỳ cập nhật; phục vụ kế hoạch hành động không khí sạch.", 7, 4, "Document and plan updates", "Lập tài liệu và kế hoạch cập nhật" },
                    { 501, "Where emissions come from today and how the city is growing.", "Phát thải hiện nay đến từ đâu và thành phố đang phát triển ra sao.", 1, 5, "Baseline of transport and land-use emissions", "Đường cơ sở phát thải giao thông và sử dụng đất" },
                    { 502, "Identify corridors and sites for transit-oriented development.", "Xác định các hành lang và khu vực cho phát triển định hướng giao thông công cộng.", 2, 5, "Compact, transit-oriented development", "Phát triển đô thị nén, định hướng giao thông công cộng" },
                    { 503, "Walking and cycling networks and their priority projects.", "Mạng lưới đi bộ, xe đạp và các dự án ưu tiên.", 3, 5, "Non-motorised transport", "Giao thông phi cơ giới" },
                    { 504, "Study a low-emission zone, including measures for high-pollution episodes.", "Nghiên cứu vùng phát thải thấp, kể cả biện pháp trong các đợt ô nhiễm cao.", 4, 5, "Low-emission zones", "Vùng phát thải thấp" },
                    { 505, "Add air-quality checks to planning and permitting.", "Bổ sung yêu cầu về chất lượng không khí trong quy hoạch và cấp phép.", 5, 5, "Air quality in planning approvals", "Chất lượng không khí trong phê duyệt quy hoạch" },
                    { 506, "Share air-quality data and advice with residents.", "Chia sẻ dữ liệu và khuyến cáo về chất lượng không khí với người dân.", 6, 5, "Public air-quality information", "Thông tin chất lượng không khí cho người dân" }
                });

            migrationBuilder.CreateIndex(
                name: "IX_ActionListAgreement_CityId",
                table: "ActionListAgreement",
                column: "CityId");

            migrationBuilder.CreateIndex(
                name: "IX_ActionListAgreement_RepresentativeId",
                table: "ActionListAgreement",
                column: "RepresentativeId");

            migrationBuilder.CreateIndex(
                name: "IX_ActionListAgreement_VersionId_CityId",
                table: "ActionListAgreement",
                columns: new[] { "VersionId", "CityId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ActionListItem_OwnerCityId",
                table: "ActionListItem",
                column: "OwnerCityId");

            migrationBuilder.CreateIndex(
                name: "IX_ActionListItem_RevisesActivityId",
                table: "ActionListItem",
                column: "RevisesActivityId");

            migrationBuilder.CreateIndex(
                name: "IX_ActionListItem_TemplateActivityId",
                table: "ActionListItem",
                column: "TemplateActivityId");

            migrationBuilder.CreateIndex(
                name: "IX_ActionListItem_VersionId_Number",
                table: "ActionListItem",
                columns: new[] { "VersionId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ActionListTemplates_CategoryCode",
                table: "ActionListTemplates",
                column: "CategoryCode");

            migrationBuilder.CreateIndex(
                name: "IX_ActionListVersions_PartnershipId_Number",
                table: "ActionListVersions",
                columns: new[] { "PartnershipId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ActionListVersions_ProposedByCityId",
                table: "ActionListVersions",
                column: "ProposedByCityId");

            migrationBuilder.CreateIndex(
                name: "IX_ActivityUpdates_ActivityId_At",
                table: "ActivityUpdates",
                columns: new[] { "ActivityId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ActivityUpdates_At",
                table: "ActivityUpdates",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_ActivityUpdates_RepresentativeId",
                table: "ActivityUpdates",
                column: "RepresentativeId");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_CityId",
                table: "Applications",
                column: "CityId");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_Status_Kind",
                table: "Applications",
                columns: new[] { "Status", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_At",
                table: "AuditEntries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EntityType_EntityId",
                table: "AuditEntries",
                columns: new[] { "EntityType", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_Cities_CountryCode_Name",
                table: "Cities",
                columns: new[] { "CountryCode", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_ConversationMembers_AadObjectId",
                table: "ConversationMembers",
                column: "AadObjectId");

            migrationBuilder.CreateIndex(
                name: "IX_ConversationMembers_UserId",
                table: "ConversationMembers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_CoordinatorGrants_Identity",
                table: "CoordinatorGrants",
                column: "Identity");

            migrationBuilder.CreateIndex(
                name: "IX_DirectLineActivities_ConversationId_ActivityId",
                table: "DirectLineActivities",
                columns: new[] { "ConversationId", "ActivityId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DirectLineActivities_ConversationId_Sequence",
                table: "DirectLineActivities",
                columns: new[] { "ConversationId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_DirectLineConversations_UserId",
                table: "DirectLineConversations",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_LaunchMeetings_PartnershipId_Number",
                table: "LaunchMeetings",
                columns: new[] { "PartnershipId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LaunchMeetings_Status_StartsAt",
                table: "LaunchMeetings",
                columns: new[] { "Status", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MatchSuggestions_CandidateCityId",
                table: "MatchSuggestions",
                column: "CandidateCityId");

            migrationBuilder.CreateIndex(
                name: "IX_MatchSuggestions_LearningApplicationId_CandidateCityId",
                table: "MatchSuggestions",
                columns: new[] { "LearningApplicationId", "CandidateCityId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MatchSuggestions_MentorApplicationId",
                table: "MatchSuggestions",
                column: "MentorApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_MatchSuggestions_PartnershipId",
                table: "MatchSuggestions",
                column: "PartnershipId");

            migrationBuilder.CreateIndex(
                name: "IX_MatchSuggestions_Status_LearningApplicationId_Rank",
                table: "MatchSuggestions",
                columns: new[] { "Status", "LearningApplicationId", "Rank" });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingRsvps_CityId",
                table: "MeetingRsvps",
                column: "CityId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingRsvps_LaunchMeetingId_RepresentativeId_Revision",
                table: "MeetingRsvps",
                columns: new[] { "LaunchMeetingId", "RepresentativeId", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeetingRsvps_RepresentativeId",
                table: "MeetingRsvps",
                column: "RepresentativeId");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_IdempotencyKey",
                table: "OutboxMessages",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Status_DueAt",
                table: "OutboxMessages",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Topic",
                table: "OutboxMessages",
                column: "Topic");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_UpdateOfKey",
                table: "OutboxMessages",
                column: "UpdateOfKey");

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipActivities_DueDate",
                table: "PartnershipActivities",
                column: "DueDate");

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipActivities_OwnerCityId_Status",
                table: "PartnershipActivities",
                columns: new[] { "OwnerCityId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipActivities_PartnershipId_Number",
                table: "PartnershipActivities",
                columns: new[] { "PartnershipId", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipActivities_TemplateActivityId",
                table: "PartnershipActivities",
                column: "TemplateActivityId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipCities_ApplicationId",
                table: "PartnershipCities",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipCities_CityId",
                table: "PartnershipCities",
                column: "CityId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipResults_CityId",
                table: "PartnershipResults",
                column: "CityId");

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipResults_ConsentToPublish",
                table: "PartnershipResults",
                column: "ConsentToPublish");

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipResults_PartnershipId_CityId",
                table: "PartnershipResults",
                columns: new[] { "PartnershipId", "CityId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipResults_RepresentativeId",
                table: "PartnershipResults",
                column: "RepresentativeId");

            migrationBuilder.CreateIndex(
                name: "IX_Partnerships_CategoryCode",
                table: "Partnerships",
                column: "CategoryCode");

            migrationBuilder.CreateIndex(
                name: "IX_Partnerships_Status",
                table: "Partnerships",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_ProcessedActivities_ProcessedAt",
                table: "ProcessedActivities",
                column: "ProcessedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_CityId",
                table: "Registrations",
                column: "CityId");

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_RepresentativeId",
                table: "Registrations",
                column: "RepresentativeId");

            migrationBuilder.CreateIndex(
                name: "IX_Registrations_Status_SubmittedAt",
                table: "Registrations",
                columns: new[] { "Status", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReminderSnoozes_ChannelId_UserId_Subject",
                table: "ReminderSnoozes",
                columns: new[] { "ChannelId", "UserId", "Subject" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReminderSnoozes_Until",
                table: "ReminderSnoozes",
                column: "Until");

            migrationBuilder.CreateIndex(
                name: "IX_RepresentativeIdentities_AadObjectId",
                table: "RepresentativeIdentities",
                column: "AadObjectId");

            migrationBuilder.CreateIndex(
                name: "IX_RepresentativeIdentities_ChannelId_UserId",
                table: "RepresentativeIdentities",
                columns: new[] { "ChannelId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RepresentativeIdentities_RepresentativeId",
                table: "RepresentativeIdentities",
                column: "RepresentativeId");

            migrationBuilder.CreateIndex(
                name: "IX_Representatives_CityId",
                table: "Representatives",
                column: "CityId");

            migrationBuilder.CreateIndex(
                name: "IX_TemplateActivities_TemplateId",
                table: "TemplateActivities",
                column: "TemplateId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActionListAgreement");

            migrationBuilder.DropTable(
                name: "ActionListItem");

            migrationBuilder.DropTable(
                name: "ActivityUpdates");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "ConversationMembers");

            migrationBuilder.DropTable(
                name: "CoordinatorGrants");

            migrationBuilder.DropTable(
                name: "DirectLineActivities");

            migrationBuilder.DropTable(
                name: "DirectLineConversations");

            migrationBuilder.DropTable(
                name: "MatchSuggestions");

            migrationBuilder.DropTable(
                name: "MeetingRsvps");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "PartnershipCities");

            migrationBuilder.DropTable(
                name: "PartnershipResults");

            migrationBuilder.DropTable(
                name: "PendingStatusUpdates");

            migrationBuilder.DropTable(
                name: "ProcessedActivities");

            migrationBuilder.DropTable(
                name: "Registrations");

            migrationBuilder.DropTable(
                name: "ReminderSnoozes");

            migrationBuilder.DropTable(
                name: "RepresentativeIdentities");

            migrationBuilder.DropTable(
                name: "SchedulerCursors");

            migrationBuilder.DropTable(
                name: "UserProfiles");

            migrationBuilder.DropTable(
                name: "ActionListVersions");

            migrationBuilder.DropTable(
                name: "PartnershipActivities");

            migrationBuilder.DropTable(
                name: "LaunchMeetings");

            migrationBuilder.DropTable(
                name: "Applications");

            migrationBuilder.DropTable(
                name: "Representatives");

            migrationBuilder.DropTable(
                name: "TemplateActivities");

            migrationBuilder.DropTable(
                name: "Partnerships");

            migrationBuilder.DropTable(
                name: "Cities");

            migrationBuilder.DropTable(
                name: "ActionListTemplates");

            migrationBuilder.DropTable(
                name: "ActionCategories");
        }
    }
}
