package de.lenkwerk.web.internal;

/** One screen of the web application (or a few that belong together): its pages and forms. */
interface Screen {

  /** Adds the screen's addresses. */
  void routes(Router router);
}
