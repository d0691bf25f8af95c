package de.lenkwerk.persistence.testing;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that counts the statements its connections execute: one per {@code execute*}
 * call, a JDBC batch counting once (one round trip to the database). For tests that bound the
 * statements of a request.
 */
public final class CountingDataSource implements DataSource {

  private final DataSource target;
  private final AtomicInteger executed = new AtomicInteger();
  private final List<String> log = new ArrayList<>();

  public CountingDataSource(DataSource target) {
    this.target = target;
  }

  /** Statements executed since the last {@link #reset()}. */
  public int executed() {
    return executed.get();
  }

  /** The statements executed since the last {@link #reset()} (batches marked), for messages. */
  public synchronized List<String> statements() {
    return List.copyOf(log);
  }

  public synchronized void reset() {
    executed.set(0);
    log.clear();
  }

  private synchronized void count(String sql) {
    executed.incrementAndGet();
    log.add(sql);
  }

  @Override
  public Connection getConnection() throws SQLException {
    return connection(target.getConnection());
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    return connection(target.getConnection(user, password));
  }

  private Connection connection(Connection c) {
    return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {Connection.class}, (proxy, method, args) -> {
          Object result = invoke(c, method, args);
          String name = method.getName();
          if (result instanceof CallableStatement s) {
            return statement(s, CallableStatement.class, sql(args));
          }
          if (result instanceof PreparedStatement s && name.equals("prepareStatement")) {
            return statement(s, PreparedStatement.class, sql(args));
          }
          if (result instanceof Statement s) {
            return statement(s, Statement.class, null);
          }
          return result;
        });
  }

  private static String sql(Object[] args) {
    return args != null && args.length > 0 && args[0] instanceof String s ? s : null;
  }

  private Object statement(Statement s, Class<? extends Statement> type, String prepared) {
    InvocationHandler handler = (proxy, method, args) -> {
      String name = method.getName();
      if (name.startsWith("execute")) {
        String sql = prepared != null ? prepared : sql(args);
        count(name.equals("executeBatch") || name.equals("executeLargeBatch")
            ? "[batch] " + sql : sql);
      }
      return invoke(s, method, args);
    };
    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, handler);
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return target.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    target.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    target.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return target.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() {
    return Logger.getGlobal();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    return target.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return iface.isInstance(this) || target.isWrapperFor(iface);
  }
}
