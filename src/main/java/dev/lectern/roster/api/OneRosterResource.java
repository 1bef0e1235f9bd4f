package dev.lectern.roster.api;

import static dev.lectern.auth.OneRosterScope.DEMOGRAPHICS;
import static dev.lectern.auth.OneRosterScope.ROSTER;
import static dev.lectern.auth.OneRosterScope.ROSTER_CORE;
import static dev.lectern.roster.model.RosterType.ACADEMIC_SESSION;
import static dev.lectern.roster.model.RosterType.CLASS;
import static dev.lectern.roster.model.RosterType.COURSE;
import static dev.lectern.roster.model.RosterType.ENROLLMENT;
import static dev.lectern.roster.model.RosterType.ORG;
import static dev.lectern.roster.model.RosterType.USER;
import static dev.lectern.roster.query.RosterView.all;

import dev.lectern.control.flags.Flags;
import dev.lectern.control.flags.KnownFlag;
import dev.lectern.control.policy.Access;
import dev.lectern.control.policy.Caller;
import dev.lectern.control.policy.ModeExposure;
import dev.lectern.control.policy.ModePolicy;
import dev.lectern.control.policy.RateLimitTier;
import dev.lectern.control.policy.RateTier;
import dev.lectern.platform.error.ApiException;
import dev.lectern.platform.migration.NeedsSchema;
import dev.lectern.roster.access.OneRosterCaller;
import dev.lectern.roster.access.OneRosterScoped;
import dev.lectern.roster.model.RosterType;
import dev.lectern.roster.query.RosterView;
import dev.lectern.roster.query.RosterViews;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Every GET operation of the OneRoster 1.2 rostering service. Each method only names its view and
 * its scopes; {@link OneRosterResponses} does the rest the same way for all of them.
 * Application-scoped: it holds no state, so it is not built anew for every request of a consumer
 * paging through a collection.
 */
@ApplicationScoped
@Access({Caller.ADMIN, Caller.OPERATOR, Caller.API_CLIENT})
@OneRosterScoped
@RateTier(RateLimitTier.READ)
@ModePolicy(ModeExposure.SERVICE)
@Path("ims/oneroster/rostering/v1p2")
@NeedsSchema
@Produces(MediaType.APPLICATION_JSON)
public class OneRosterResource {

  @Inject OneRosterResponses responses;
  @Inject OneRosterCaller caller;
  @Inject Flags flags;

  /** 403 for an API client while demographics-for-clients is off for it (admins always read). */
  private void requireDemographicsForClients() {
    caller
        .client()
        .filter(client -> !flags.enabled(KnownFlag.DEMOGRAPHICS_FOR_CLIENTS, client))
        .ifPresent(
            client -> {
              throw new ApiException(
                  403, "forbidden", "Demographics are turned off for this API client.");
            });
  }

  @GET
  @Path("academicSessions")
  public Response academicSessions(@BeanParam CollectionParams params) {
    return responses.collection(all(ACADEMIC_SESSION), params, ROSTER_CORE, ROSTER);
  }

  @GET
  @Path("academicSessions/{id}")
  public Response academicSession(@PathParam("id") String id, @QueryParam("fields") String fields) {
    return responses.single(all(ACADEMIC_SESSION), id, fields, ROSTER_CORE, ROSTER);
  }

  @GET
  @Path("classes")
  public Response classes(@BeanParam CollectionParams params) {
    return responses.collection(all(CLASS), params, ROSTER_CORE, ROSTER);
  }

  @GET
  @Path("classes/{id}")
  public Response clazz(@PathParam("id") String id, @QueryParam("fields") String fields) {
    return responses.single(all(CLASS), id, fields, ROSTER_CORE, ROSTER);
  }

  @GET
  @Path("classes/{id}/students")
  public Response studentsOfClass(@PathParam("id") String id, @BeanParam CollectionParams params) {
    return responses.nested(all(CLASS), id, RosterViews.classMembers(id, "student"), params);
  }

  @GET
  @Path("classes/{id}/teachers")
  public Response teachersOfClass(@PathParam("id") String id, @BeanParam CollectionParams params) {
    return responses.nested(all(CLASS), id, RosterViews.classMembers(id, "teacher"), params);
  }

  @GET
  @Path("courses")
  public Response courses(@BeanParam CollectionParams params) {
    return responses.collection(all(COURSE), params, ROSTER_CORE, ROSTER);
  }

  @GET
  @Path("courses/{id}")
  public Response course(@PathParam("id") String id, @QueryParam("fields") String fields) {
    return responses.single(all(COURSE), id, fields, ROSTER_CORE, ROSTER);
  }

  @GET
  @Path("courses/{id}/classes")
  public Response classesOfCourse(@PathParam("id") String id, @BeanParam CollectionParams params) {
    return responses.nested(all(COURSE), id, RosterViews.classesOfCourse(id), params);
  }

  @GET
  @Path("demographics")
  public Response demographics(@BeanParam CollectionParams params) {
    requireDemographicsForClients();
    return responses.collection(all(RosterType.DEMOGRAPHICS), params, DEMOGRAPHICS);
  }

  @GET
  @Path("demographics/{id}")
  public Response demographic(@PathParam("id") String id, @QueryParam("fields") String fields) {
    requireDemographicsForClients();
    return responses.single(all(RosterType.DEMOGRAPHICS), id, fields, DEMOGRAPHICS);
  }

  @GET
  @Path("enrollments")
  public Response enrollments(@BeanParam CollectionParams params) {
    return responses.collection(all(ENROLLMENT), params, ROSTER_CORE, ROSTER);
  }

  @GET
  @Path("enrollments/{id}")
  public Response enrollment(@PathParam("id") String id, @QueryParam("fields") String fields) {
    return responses.single(all(ENROLLMENT), id, fields, ROSTER_CORE, ROSTER);
  }

  @GET
  @Path("gradingPeriods")
  public Response gradingPeriods(@BeanParam CollectionParams params) {
    return responses.collection(RosterViews.gradingPeriods(), params, ROSTER_CORE, ROSTER);
  }

  @GET
  @Path("gradingPeriods/{id}")
  public Response gradingPeriod(@PathParam("id") String id, @QueryParam("fields") String fields) {
    return responses.single(RosterViews.gradingPeriods(), id, fields, ROSTER_CORE, ROSTER);
  }

  @GET
  @Path("orgs")
  public Response orgs(@BeanParam CollectionParams params) {
    return responses.collection(all(ORG), params, ROSTER_CORE, ROSTER);
  }

  @GET
  @Path("orgs/{id}")
  public Response org(@PathParam("id") String id, @QueryParam("fields") String fields) {
    return responses.single(all(ORG), id, fields, ROSTER_CORE, ROSTER);
  }

  @GET
  @Path("schools")
  public Response schools(@BeanParam CollectionParams params) {
    return responses.collection(RosterViews.schools(), params, ROSTER_CORE, ROSTER);
  }

  @GET
  @Path("schools/{id}")
  public Response school(@PathParam("id") String id, @QueryParam("fields") String fields) {
    return responses.single(RosterViews.schools(), id, fields, ROSTER_CORE, ROSTER);
  }

  @GET
  @Path("schools/{id}/classes")
  public Response classesOfSchool(@PathParam("id") String id, @BeanParam CollectionParams params) {
    return responses.nested(RosterViews.schools(), id, RosterViews.classesOfSchool(id), params);
  }

  @GET
  @Path("schools/{id}/courses")
  public Response coursesOfSchool(@PathParam("id") String id, @BeanParam CollectionParams params) {
    return responses.nested(RosterViews.schools(), id, RosterViews.coursesOfSchool(id), params);
  }

  @GET
  @Path("schools/{id}/enrollments")
  public Response enrollmentsOfSchool(
      @PathParam("id") String id, @BeanParam CollectionParams params) {
    return responses.nested(RosterViews.schools(), id, RosterViews.enrollmentsOfSchool(id), params);
  }

  @GET
  @Path("schools/{id}/students")
  public Response studentsOfSchool(@PathParam("id") String id, @BeanParam CollectionParams params) {
    return responses.nested(
        RosterViews.schools(), id, RosterViews.schoolMembers(id, "student"), params);
  }

  @GET
  @Path("schools/{id}/teachers")
  public Response teachersOfSchool(@PathParam("id") String id, @BeanParam CollectionParams params) {
    return responses.nested(
        RosterViews.schools(), id, RosterViews.schoolMembers(id, "teacher"), params);
  }

  @GET
  @Path("schools/{id}/terms")
  public Response termsOfSchool(@PathParam("id") String id, @BeanParam CollectionParams params) {
    return responses.nested(RosterViews.schools(), id, RosterViews.termsOfSchool(id), params);
  }

  @GET
  @Path("schools/{schoolId}/classes/{id}/enrollments")
  public Response enrollmentsOfSchoolClass(
      @PathParam("schoolId") String schoolId,
      @PathParam("id") String id,
      @BeanParam CollectionParams params) {
    return responses.nested(
        RosterView.where(CLASS, "t.school_sourced_id = ?", schoolId),
        id,
        RosterViews.enrollmentsOfSchoolClass(schoolId, id),
        params);
  }

  @GET
  @Path("schools/{schoolId}/classes/{id}/students")
  public Response studentsOfSchoolClass(
      @PathParam("schoolId") String schoolId,
      @PathParam("id") String id,
      @BeanParam CollectionParams params) {
    return responses.nested(
        RosterView.where(CLASS, "t.school_sourced_id = ?", schoolId),
        id,
        RosterViews.schoolClassMembers(schoolId, id, "student"),
        params);
  }

  @GET
  @Path("schools/{schoolId}/classes/{id}/teachers")
  public Response teachersOfSchoolClass(
      @PathParam("schoolId") String schoolId,
      @PathParam("id") String id,
      @BeanParam CollectionParams params) {
    return responses.nested(
        RosterView.where(CLASS, "t.school_sourced_id = ?", schoolId),
        id,
        RosterViews.schoolClassMembers(schoolId, id, "teacher"),
        params);
  }

  @GET
  @Path("students")
  public Response students(@BeanParam CollectionParams params) {
    return responses.collection(RosterViews.usersWithRole("student"), params, ROSTER_CORE, ROSTER);
  }

  @GET
  @Path("students/{id}")
  public Response student(@PathParam("id") String id, @QueryParam("fields") String fields) {
    return responses.single(RosterViews.usersWithRole("student"), id, fields, ROSTER_CORE, ROSTER);
  }

  @GET
  @Path("students/{id}/classes")
  public Response classesOfStudent(@PathParam("id") String id, @BeanParam CollectionParams params) {
    return responses.nested(
        RosterViews.usersWithRole("student"), id, RosterViews.classesOfUser(id, "student"), params);
  }

  @GET
  @Path("teachers")
  public Response teachers(@BeanParam CollectionParams params) {
    return responses.collection(RosterViews.usersWithRole("teacher"), params, ROSTER_CORE, ROSTER);
  }

  @GET
  @Path("teachers/{id}")
  public Response teacher(@PathParam("id") String id, @QueryParam("fields") String fields) {
    return responses.single(RosterViews.usersWithRole("teacher"), id, fields, ROSTER_CORE, ROSTER);
  }

  @GET
  @Path("teachers/{id}/classes")
  public Response classesOfTeacher(@PathParam("id") String id, @BeanParam CollectionParams params) {
    return responses.nested(
        RosterViews.usersWithRole("teacher"), id, RosterViews.classesOfUser(id, "teacher"), params);
  }

  @GET
  @Path("terms")
  public Response terms(@BeanParam CollectionParams params) {
    return responses.collection(RosterViews.terms(), params, ROSTER_CORE, ROSTER);
  }

  @GET
  @Path("terms/{id}")
  public Response term(@PathParam("id") String id, @QueryParam("fields") String fields) {
    return responses.single(RosterViews.terms(), id, fields, ROSTER_CORE, ROSTER);
  }

  @GET
  @Path("terms/{id}/classes")
  public Response classesOfTerm(@PathParam("id") String id, @BeanParam CollectionParams params) {
    return responses.nested(RosterViews.terms(), id, RosterViews.classesOfTerm(id), params);
  }

  @GET
  @Path("terms/{id}/gradingPeriods")
  public Response gradingPeriodsOfTerm(
      @PathParam("id") String id, @BeanParam CollectionParams params) {
    return responses.nested(RosterViews.terms(), id, RosterViews.gradingPeriodsOfTerm(id), params);
  }

  @GET
  @Path("users")
  public Response users(@BeanParam CollectionParams params) {
    return responses.collection(all(USER), params, ROSTER_CORE, ROSTER);
  }

  @GET
  @Path("users/{id}")
  public Response user(@PathParam("id") String id, @QueryParam("fields") String fields) {
    return responses.single(all(USER), id, fields, ROSTER_CORE, ROSTER);
  }

  @GET
  @Path("users/{id}/classes")
  public Response classesOfUser(@PathParam("id") String id, @BeanParam CollectionParams params) {
    return responses.nested(all(USER), id, RosterViews.classesOfUser(id, null), params);
  }
}
