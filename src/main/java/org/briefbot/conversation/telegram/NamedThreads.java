package org.briefbot.conversation.telegram;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Threads named "briefbot-telegram-ROLE-N", so a thread dump says whose they are. */
final class NamedThreads implements ThreadFactory {
  static final String PREFIX = "briefbot-telegram-";

  private final String name;
  private final AtomicInteger next = new AtomicInteger();

  NamedThreads(String role) {
    this.name = PREFIX + role + "-";
  }

  @Override
  public Thread newThread(Runnable task) {
    Thread thread = new Thread(task, name + next.incrementAndGet());
    thread.setDaemon(false); // we stop them ourselves; a daemon would die mid-reply at exit
    return thread;
  }
}
